import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import GraphQLUpload from 'graphql-upload/GraphQLUpload.mjs';
import { type Readable } from 'node:stream';
import { type Actor } from '../../../libs/identity/index.js';
import {
  MaterialsChasingService,
  MaterialsService,
  MaterialVisibility,
  type MaterialsSettings,
  MaterialsSettingsService,
  type MaterialVersionView,
  type MaterialView,
} from '../../../libs/materials/index.js';
import { CurrentActor } from '../graphql/current-actor.decorator.js';
import { type GraphQLContext } from '../graphql/request.js';
import { RateLimit } from '../security/rate-limit.guard.js';
import { type GraphQLFileUpload } from './graphql-upload.middleware.js';
import {
  MaterialModel,
  MaterialPersonModel,
  MaterialsSettingsModel,
  MaterialVersionModel,
  MissingMaterialsModel,
  UpdateMaterialInput,
  UpdateMaterialsSettingsInput,
} from './materials.models.js';

/** Materials in GraphQL: reading, visibility, deletion, event rules and chasing. Files travel over REST. */
@Resolver(() => MaterialModel)
export class MaterialsResolver {
  constructor(
    private readonly materials: MaterialsService,
    private readonly settings: MaterialsSettingsService,
    private readonly chasing: MaterialsChasingService,
  ) {}

  @Query(() => [MaterialModel], { description: 'Materials of a session you may see, oldest first.' })
  async sessionMaterials(@CurrentActor() actor: Actor | null, @Args('sessionId', { type: () => ID }) sessionId: string) {
    return (await this.materials.sessionMaterials(actor, sessionId)).map(toMaterialModel);
  }

  @Query(() => MaterialModel)
  async material(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string) {
    return toMaterialModel(await this.materials.material(actor, id));
  }

  @Mutation(() => MaterialModel, {
    description:
      'Upload a new material to a session (GraphQL multipart request; send the header "apollo-require-preflight: true"). ' +
      'The REST endpoint POST /events/:eventId/sessions/:sessionId/materials does the same.',
  })
  @RateLimit('upload')
  async uploadMaterial(
    @CurrentActor() actor: Actor | null,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args({ name: 'file', type: () => GraphQLUpload }) file: Promise<GraphQLFileUpload>,
    @Args('title', { type: () => String, nullable: true }) title?: string | null,
    @Args('visibility', { type: () => MaterialVisibility, nullable: true }) visibility?: MaterialVisibility | null,
    @Args('embargoUntilStart', { type: () => Boolean, nullable: true }) embargoUntilStart?: boolean | null,
    @Args('onBehalfOf', { type: () => ID, nullable: true, description: 'Organisers: the session person who owns it.' }) onBehalfOf?: string | null,
  ) {
    return this.receive(file, (incoming) =>
      this.materials.upload(actor, { sessionId, title: title ?? undefined, visibility, embargoUntilStart, onBehalfOf }, incoming),
    );
  }

  @Mutation(() => MaterialModel, { description: 'Upload a new version of a material; it becomes the current one (GraphQL multipart).' })
  @RateLimit('upload')
  async uploadMaterialVersion(
    @CurrentActor() actor: Actor | null,
    @Args('materialId', { type: () => ID }) materialId: string,
    @Args({ name: 'file', type: () => GraphQLUpload }) file: Promise<GraphQLFileUpload>,
    @Args('title', { type: () => String, nullable: true }) title?: string | null,
  ) {
    return this.receive(file, (incoming) => this.materials.upload(actor, { materialId, title: title ?? undefined }, incoming));
  }

  private async receive(file: Promise<GraphQLFileUpload>, upload: (incoming: { fileName: string; stream: Readable }) => Promise<MaterialView>) {
    const received = await file;
    const stream = received.createReadStream();
    try {
      return toMaterialModel(await upload({ fileName: received.filename, stream }));
    } finally {
      // Refused early: stop reading graphql-upload's temporary copy.
      stream.destroy();
    }
  }

  @Mutation(() => MaterialModel, { description: 'Change title, visibility or embargo (organisers and the owner).' })
  async updateMaterial(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => UpdateMaterialInput }) input: UpdateMaterialInput,
  ) {
    return toMaterialModel(await this.materials.update(actor, id, input));
  }

  @Mutation(() => Boolean, { description: 'Delete a material with all its versions (organisers and the owner).' })
  deleteMaterial(@CurrentActor() actor: Actor | null, @Args('id', { type: () => ID }) id: string) {
    return this.materials.delete(actor, id);
  }

  @Query(() => MaterialsSettingsModel, { description: "An event's rules for materials (organisers)." })
  async materialsSettings(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Context() context: GraphQLContext,
  ) {
    const settings = await this.settings.get(actor, eventId);
    return toSettingsModel(settings, (await context.loaders.events.load(eventId))?.slug ?? '');
  }

  @Mutation(() => MaterialsSettingsModel)
  async updateMaterialsSettings(
    @CurrentActor() actor: Actor | null,
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('input', { type: () => UpdateMaterialsSettingsInput }) input: UpdateMaterialsSettingsInput,
    @Context() context: GraphQLContext,
  ) {
    const settings = await this.settings.update(actor, eventId, input);
    return toSettingsModel(settings, (await context.loaders.events.load(eventId))?.slug ?? '');
  }

  @Query(() => [MissingMaterialsModel], { description: 'Sessions whose speakers have not uploaded anything yet (organisers).' })
  sessionsMissingMaterials(@CurrentActor() actor: Actor | null, @Args('eventId', { type: () => ID }) eventId: string) {
    return this.chasing.missing(actor, eventId);
  }

  @ResolveField(() => MaterialPersonModel, { nullable: true, description: 'The person the material belongs to.' })
  async owner(@Parent() material: MaterialModel, @Context() context: GraphQLContext) {
    return material.ownerAccountId ? toPerson(await context.loaders.accounts.load(material.ownerAccountId)) : null;
  }
}

@Resolver(() => MaterialVersionModel)
export class MaterialVersionResolver {
  @ResolveField(() => MaterialPersonModel, { nullable: true })
  async uploadedBy(@Parent() version: MaterialVersionModel, @Context() context: GraphQLContext) {
    return version.uploadedBy ? toPerson(await context.loaders.accounts.load(version.uploadedBy)) : null;
  }
}

function toPerson(account: { id: string; name: string } | null) {
  return account ? { id: account.id, name: account.name } : null;
}

function toVersionModel(materialId: string, v: MaterialVersionView): MaterialVersionModel {
  return { ...v, downloadUrl: `/materials/${materialId}/versions/${v.version}/download` };
}

export function toMaterialModel(view: MaterialView): MaterialModel {
  return {
    ...view,
    currentVersion: toVersionModel(view.id, view.current),
    versions: view.versions.map((v) => toVersionModel(view.id, v)),
    downloadUrl: `/materials/${view.id}/download`,
  };
}

function toSettingsModel(settings: MaterialsSettings, slug: string): MaterialsSettingsModel {
  return { ...settings, packUrl: `/events/${slug}/materials.zip` };
}

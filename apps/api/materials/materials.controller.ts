import { Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { type Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { CommonException } from '../../../libs/common/index.js';
import {
  contentDisposition,
  MaterialsException,
  MaterialsPackService,
  MaterialsService,
  type MaterialVersionView,
  parseRange,
  type MaterialView,
  type UploadTarget,
} from '../../../libs/materials/index.js';
import { type ApiRequest } from '../graphql/request.js';
import { RateLimit } from '../security/rate-limit.guard.js';
import { MaterialsHttpFilter } from './materials-http.filter.js';
import { receiveUpload } from './multipart-upload.js';

/**
 * Files over plain HTTP: multipart uploads streamed to storage, downloads with ranges, and the
 * materials pack. Everything else about materials is in GraphQL (materials.resolver.ts).
 */
@Controller()
@UseFilters(MaterialsHttpFilter)
export class MaterialsController {
  constructor(
    private readonly materials: MaterialsService,
    private readonly packs: MaterialsPackService,
  ) {}

  /** A new material of a session. Fields (before the file): title, visibility, embargoUntilStart, onBehalfOf. */
  @Post('events/:eventId/sessions/:sessionId/materials')
  @RateLimit('upload')
  async upload(@Param('eventId') eventId: string, @Param('sessionId') sessionId: string, @Req() req: ApiRequest, @Res() res: Response) {
    const view = await receiveUpload(req, (fields, file) => this.materials.upload(req.actor ?? null, { eventId, sessionId, ...targetFields(fields) }, file));
    res.status(201).location(`/materials/${view.id}`).json({ material: restMaterial(view) });
  }

  /** A new version of a material; it becomes the current one. */
  @Post('materials/:materialId/versions')
  @RateLimit('upload')
  async uploadVersion(@Param('materialId') materialId: string, @Req() req: ApiRequest, @Res() res: Response) {
    const view = await receiveUpload(req, (fields, file) =>
      this.materials.upload(req.actor ?? null, { materialId, title: fields.title?.trim() || undefined }, file),
    );
    res.status(201).location(`/materials/${view.id}/versions/${view.current.version}`).json({ material: restMaterial(view) });
  }

  @Get('materials/:materialId/download')
  async download(@Param('materialId') materialId: string, @Req() req: ApiRequest, @Res() res: Response) {
    await this.send(req, res, materialId);
  }

  @Get('materials/:materialId/versions/:version/download')
  async downloadVersion(@Param('materialId') materialId: string, @Param('version') version: string, @Req() req: ApiRequest, @Res() res: Response) {
    if (!/^[1-9]\d{0,8}$/.test(version)) throw CommonException.notFound('Version', `${materialId}/${version}`);
    await this.send(req, res, materialId, Number(version));
  }

  /** All public materials as one ZIP, by day and session; streamed as it is written. */
  @Get('events/:slug/materials.zip')
  @RateLimit('export')
  async pack(@Param('slug') slug: string, @Req() req: ApiRequest, @Res() res: Response) {
    const pack = await this.packs.pack(req.actor ?? null, slug);
    res.status(200);
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', contentDisposition(pack.fileName));
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    await this.packs.writeZip(pack, res);
  }

  private async send(req: ApiRequest, res: Response, materialId: string, version?: number) {
    const download = await this.materials.download(req.actor ?? null, materialId, version);
    const file = download.version;
    const etag = `"${file.sha256}"`;
    // If-Range: a range of a file that changed since the client's copy would be corrupt; send it whole.
    const ifRange = req.headers['if-range'];
    const range = ifRange && ifRange !== etag ? undefined : parseRange(req.headers.range, file.sizeBytes);
    if (range === 'unsatisfiable') throw MaterialsException.rangeNotSatisfiable(file.sizeBytes);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', contentDisposition(file.fileName));
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('ETag', etag);
    res.setHeader('Last-Modified', new Date(file.uploadedAt).toUTCString());
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    const stream = await download.open(range);
    if (range) {
      res.status(206);
      res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${file.sizeBytes}`);
      res.setHeader('Content-Length', String(range.end - range.start + 1));
    } else {
      res.status(200);
      res.setHeader('Content-Length', String(file.sizeBytes));
    }
    if (req.method === 'HEAD') {
      stream.destroy();
      res.end();
      return;
    }
    await pipeline(stream, res);
  }
}

function targetFields(fields: Record<string, string>): Omit<UploadTarget, 'eventId' | 'sessionId'> {
  const embargo = fields.embargoUntilStart?.trim().toLowerCase();
  if (embargo !== undefined && !['true', 'false', '1', '0', ''].includes(embargo)) {
    throw CommonException.invalidInput('embargoUntilStart', 'embargoUntilStart is true or false.');
  }
  return {
    title: fields.title?.trim() || undefined,
    visibility: (fields.visibility?.trim().toUpperCase() || undefined) as UploadTarget['visibility'],
    embargoUntilStart: embargo ? embargo === 'true' || embargo === '1' : undefined,
    onBehalfOf: fields.onBehalfOf?.trim() || undefined,
  };
}

/** The JSON shape of a material in REST answers (the same names as the GraphQL type). */
export function restMaterial(view: MaterialView) {
  const version = (v: MaterialVersionView) => ({
    ...v,
    uploadedAt: v.uploadedAt instanceof Date ? v.uploadedAt.toISOString() : v.uploadedAt,
    downloadUrl: `/materials/${view.id}/versions/${v.version}/download`,
  });
  return {
    id: view.id,
    eventId: view.eventId,
    sessionId: view.sessionId,
    title: view.title,
    visibility: view.visibility,
    embargoUntilStart: view.embargoUntilStart,
    embargoed: view.embargoed,
    ownerAccountId: view.ownerAccountId,
    downloadUrl: `/materials/${view.id}/download`,
    currentVersion: version(view.current),
    versions: view.versions.map(version),
  };
}

import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { type Response } from 'express';
import { DomainException, ErrorKind } from '../../../libs/common/index.js';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/index.js';
import { type EventEntity } from '../../../libs/events/index.js';
import { type Actor, TokenService } from '../../../libs/identity/index.js';
import {
  PrintoutsService,
  renderBadgesHtml,
  renderBookletHtml,
  renderPlanHtml,
  ReportsService,
  toCsv,
} from '../../../libs/outcomes/index.js';
import { type ApiRequest } from '../graphql/request.js';
import { PRINTABLE_PAGE_CSP } from '../http/http-hardening.js';
import { RateLimit } from '../security/rate-limit.guard.js';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400, CONFLICT: 409 };

/**
 * Printouts and CSV downloads for the venue and the funders' reports. All need
 * `Authorization: Bearer` (nothing here is public): the booklet any approved member of the event,
 * "my" meeting plan its owner, reports, table plans, name badges and the booklet CSV the event's
 * organisers. The four HTML printouts also open with `?access_token=` from `printoutLink` (made for that
 * page only), for a computer nobody signs in on; the same rules then apply to its maker.
 */
@Controller('events/:slug')
export class OutcomesExportController {
  constructor(
    private readonly printouts: PrintoutsService,
    private readonly reports: ReportsService,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('reports/:file')
  @RateLimit('export') // personal data leaves the system: the export budget
  async report(@Param('slug') slug: string, @Param('file') file: string, @Req() req: ApiRequest, @Res() res: Response) {
    await this.send(res, slug, req, 'csv', async (event) => {
      const name = file.endsWith('.csv') ? file.slice(0, -4) : file;
      return { body: toCsv(await this.reports.csvRows(req.actor ?? null, event, name)), filename: `${event.slug}-${name.replace(/[^a-z0-9-]/gi, '')}.csv` };
    });
  }

  @Get('booklet.html')
  @RateLimit('export') // personal data leaves the system: the export budget
  async booklet(@Param('slug') slug: string, @Req() req: ApiRequest, @Res() res: Response) {
    await this.send(res, slug, req, 'html', async (event, actor) => ({ body: renderBookletHtml(event, await this.printouts.booklet(actor, event.id)) }), true);
  }

  @Get('booklet.csv')
  @RateLimit('export') // personal data leaves the system: the export budget
  async bookletCsv(@Param('slug') slug: string, @Req() req: ApiRequest, @Res() res: Response) {
    await this.send(res, slug, req, 'csv', async (event) => {
      const entries = await this.printouts.booklet(req.actor ?? null, event.id, true);
      const rows = [
        ['name', 'job_title', 'organisation', 'organisation_type', 'country', 'region', 'pitch', 'themes', 'offers', 'requests'],
        ...entries.map((e) => [e.name, e.jobTitle ?? '', e.organisation ?? '', e.organisationType ?? '', e.country ?? '', e.region ?? '', e.pitch ?? '', e.themes.join('; '), e.offers.join('; '), e.requests.join('; ')]),
      ];
      return { body: toCsv(rows), filename: `${event.slug}-booklet.csv` };
    });
  }

  @Get('meeting-plans/me.html')
  @RateLimit('export') // personal data leaves the system: the export budget
  async myPlan(@Param('slug') slug: string, @Req() req: ApiRequest, @Res() res: Response) {
    await this.send(res, slug, req, 'html', async (event, actor) => ({ body: renderPlanHtml(event, 'My meetings', await this.printouts.myPlan(actor, event.id), false) }), true);
  }

  @Get('meeting-plans/tables.html')
  @RateLimit('export') // personal data leaves the system: the export budget
  async tablePlan(@Param('slug') slug: string, @Query('table') table: string | undefined, @Req() req: ApiRequest, @Res() res: Response) {
    const n = table === undefined ? null : Number(table);
    if (n !== null && (!Number.isInteger(n) || n < 1)) {
      res.status(400).type('text/plain').send('table must be a table number.');
      return;
    }
    await this.send(
      res,
      slug,
      req,
      'html',
      async (event, actor) => ({ body: renderPlanHtml(event, n ? `Table ${n}` : 'Meetings by table', await this.printouts.tablePlan(actor, event.id, n), true) }),
      true,
    );
  }

  /** Name badges with a check-in code, 8 to an A4 sheet: everyone, `?role=SPEAKER`, or a reprint by `?ids=`. */
  @Get('badges.html')
  @RateLimit('export') // personal data leaves the system: the export budget
  async badges(@Param('slug') slug: string, @Query('role') role: unknown, @Query('ids') ids: unknown, @Req() req: ApiRequest, @Res() res: Response) {
    await this.send(
      res,
      slug,
      req,
      'html',
      async (event, actor) => {
        const badges = await this.printouts.badges(actor, event.id, { role, ids });
        return { body: await renderBadgesHtml(event, this.config.publicBaseUrl, badges) };
      },
      true,
    );
  }

  private async send(
    res: Response,
    slug: string,
    req: ApiRequest,
    kind: 'csv' | 'html',
    build: (event: EventEntity, actor: Actor | null) => Promise<{ body: string; filename?: string }>,
    linkable = false,
  ) {
    try {
      const actor = linkable ? await this.actorOf(req) : (req.actor ?? null);
      const event = await this.printouts.eventBySlug(actor, slug);
      const { body, filename } = await build(event, actor);
      res.status(200).type(kind === 'csv' ? 'text/csv; charset=utf-8' : 'text/html; charset=utf-8').set('cache-control', 'private, no-store');
      // A link's token is in the address: never hand it on as a referrer.
      if (linkable) res.set('referrer-policy', 'no-referrer');
      if (kind === 'html') res.set('content-security-policy', PRINTABLE_PAGE_CSP);
      if (filename) res.set('content-disposition', `attachment; filename="${filename}"`);
      res.send(body);
    } catch (error) {
      if (error instanceof DomainException && STATUS[error.kind]) {
        res.status(STATUS[error.kind]).type('text/plain').send(error.message);
        return;
      }
      throw error;
    }
  }

  /** The bearer's actor, or the maker of a printout link made for exactly this page. */
  private async actorOf(req: ApiRequest): Promise<Actor | null> {
    const token = req.query.access_token;
    if (req.actor || typeof token !== 'string') return req.actor ?? null;
    return this.tokens.verifyForPath(token, req.path);
  }
}

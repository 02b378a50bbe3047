import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { type Response } from 'express';
import { type AgendaView, AgendaService, renderAgendaCsv, renderAgendaHtml, renderFrabJson, renderFrabXml } from '../../../libs/agenda/index.js';
import { DomainException, ErrorKind } from '../../../libs/common/index.js';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/index.js';
import { type EventEntity } from '../../../libs/events/index.js';
import { MaterialsService } from '../../../libs/materials/index.js';
import { PRINTABLE_PAGE_CSP } from '../http/http-hardening.js';
import { RateLimit } from '../security/rate-limit.guard.js';

/**
 * The published programme as a print-friendly page, as CSV, and in the frab schedule formats
 * (schedule.xml, schedule.json) that conference apps read; public, like the event page.
 */
@Controller('events')
export class AgendaExportController {
  constructor(
    private readonly agenda: AgendaService,
    private readonly materials: MaterialsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':slug/agenda.html')
  @RateLimit('export')
  async html(@Param('slug') slug: string, @Res() res: Response) {
    await this.send(res, slug, 'text/html; charset=utf-8', async (event, agenda) => renderAgendaHtml(event, agenda));
  }

  @Get(':slug/agenda.csv')
  @RateLimit('export')
  async csv(@Param('slug') slug: string, @Res() res: Response) {
    await this.send(res, slug, 'text/csv; charset=utf-8', async (event, agenda) => renderAgendaCsv(event, agenda), `attachment; filename="${fileSlug(slug)}-agenda.csv"`);
  }

  @Get(':slug/schedule.xml')
  @RateLimit('export')
  async frabXml(@Param('slug') slug: string, @Res() res: Response) {
    await this.send(res, slug, 'application/xml; charset=utf-8', async (event, agenda) => renderFrabXml(event, agenda, await this.frabContext(agenda)));
  }

  @Get(':slug/schedule.json')
  @RateLimit('export')
  async frabJson(@Param('slug') slug: string, @Res() res: Response) {
    await this.send(res, slug, 'application/json; charset=utf-8', async (event, agenda) => renderFrabJson(event, agenda, await this.frabContext(agenda)));
  }

  /** Attachments: the public, unembargoed materials anyone can download anyway, with that download URL. */
  private async frabContext(agenda: AgendaView) {
    const files = await this.materials.downloadableByAnyone(agenda.days.flatMap((d) => d.sessions));
    const base = this.config.publicBaseUrl;
    return {
      publicBaseUrl: base,
      attachments: files.map((f) => ({ sessionId: f.sessionId, title: f.title, url: `${base}/materials/${f.materialId}/download` })),
    };
  }

  private async send(res: Response, slug: string, type: string, render: (event: EventEntity, agenda: AgendaView) => Promise<string>, disposition?: string) {
    try {
      const { event, agenda } = await this.agenda.publishedAgendaBySlug(slug);
      const body = await render(event, agenda);
      res.status(200).type(type).set('cache-control', 'public, max-age=60');
      if (type.startsWith('text/html')) res.set('content-security-policy', PRINTABLE_PAGE_CSP);
      if (disposition) res.set('content-disposition', disposition);
      res.send(body);
    } catch (error) {
      // Unknown and draft events look the same: 404.
      if (error instanceof DomainException && error.kind === ErrorKind.NOT_FOUND) {
        res.status(404).type('text/plain').send('No published event at this address.');
        return;
      }
      throw error;
    }
  }
}

function fileSlug(slug: string): string {
  return slug.replace(/[^a-z0-9-]/gi, '');
}

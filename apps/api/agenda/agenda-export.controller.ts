import { Controller, Get, Param, Res } from '@nestjs/common';
import { type Response } from 'express';
import { AgendaService, renderAgendaCsv, renderAgendaHtml } from '../../../libs/agenda/index.js';
import { DomainException, ErrorKind } from '../../../libs/common/index.js';
import { PRINTABLE_PAGE_CSP } from '../http/http-hardening.js';
import { RateLimit } from '../security/rate-limit.guard.js';

/** The published programme as a print-friendly page and as CSV; public, like the event page. */
@Controller('events')
export class AgendaExportController {
  constructor(private readonly agenda: AgendaService) {}

  @Get(':slug/agenda.html')
  @RateLimit('export')
  async html(@Param('slug') slug: string, @Res() res: Response) {
    await this.send(res, slug, 'text/html; charset=utf-8', renderAgendaHtml);
  }

  @Get(':slug/agenda.csv')
  @RateLimit('export')
  async csv(@Param('slug') slug: string, @Res() res: Response) {
    await this.send(res, slug, 'text/csv; charset=utf-8', renderAgendaCsv, `attachment; filename="${slug.replace(/[^a-z0-9-]/gi, '')}-agenda.csv"`);
  }

  private async send(
    res: Response,
    slug: string,
    type: string,
    render: (event: Awaited<ReturnType<AgendaService['publishedAgendaBySlug']>>['event'], agenda: Awaited<ReturnType<AgendaService['publishedAgendaBySlug']>>['agenda']) => string,
    disposition?: string,
  ) {
    try {
      const { event, agenda } = await this.agenda.publishedAgendaBySlug(slug);
      res.status(200).type(type).set('cache-control', 'public, max-age=60');
      if (type.startsWith('text/html')) res.set('content-security-policy', PRINTABLE_PAGE_CSP);
      if (disposition) res.set('content-disposition', disposition);
      res.send(render(event, agenda));
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

import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { type Request, type Response } from 'express';
import { type CalendarDocument, CalendarFeedsService } from '../../../libs/calendar/index.js';
import { DomainException, ErrorKind } from '../../../libs/common/index.js';
import { type ApiRequest } from '../graphql/request.js';
import { answerDatabaseUnavailable } from '../http/database-unavailable.js';

/**
 * The .ics endpoints. Feeds are cacheable: a strong ETag (hash of the byte-stable body) and
 * Last-Modified, answered with 304 when the client already has this version. Every "not there"
 * (unknown slug, draft event, unknown or revoked token) is the same bare 404.
 */
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendars: CalendarFeedsService) {}

  @Get('events/:file')
  async eventFeed(@Param('file') file: string, @Req() req: Request, @Res() res: Response) {
    await this.send(req, res, 'public, max-age=300', () => this.calendars.eventFeed(stem(file)));
  }

  @Get('feeds/:file')
  async personalFeed(@Param('file') file: string, @Req() req: Request, @Res() res: Response) {
    // The URL is the secret: keep it out of shared caches.
    res.set('referrer-policy', 'no-referrer');
    await this.send(req, res, 'private, max-age=300', () => this.calendars.personalFeed(stem(file)));
  }

  @Get('sessions/:file')
  async session(@Param('file') file: string, @Req() req: Request, @Res() res: Response) {
    await this.send(req, res, 'public, max-age=300', () => this.calendars.sessionDocument(stem(file)), true);
  }

  /** Needs `Authorization: Bearer`: one of the meeting's two people or an organiser. */
  @Get('meetings/:file')
  async meeting(@Param('file') file: string, @Req() req: ApiRequest, @Res() res: Response) {
    await this.send(req, res, 'private, no-cache', () => this.calendars.meetingDocument(req.actor ?? null, stem(file)), true);
  }

  private async send(req: Request, res: Response, cacheControl: string, render: () => Promise<CalendarDocument>, download = false) {
    let doc: CalendarDocument;
    try {
      doc = await render();
    } catch (error) {
      if (error instanceof DomainException && [ErrorKind.NOT_FOUND, ErrorKind.UNAUTHENTICATED].includes(error.kind)) {
        res.status(404).type('text/plain').set('cache-control', 'no-store').send('Not found');
        return;
      }
      // A feed asked for while the database restarts: calendar apps retry after a 503.
      if (answerDatabaseUnavailable(error, res)) return;
      throw error;
    }
    res.set({ etag: doc.etag, 'last-modified': doc.lastModified.toUTCString(), 'cache-control': cacheControl });
    if (notModified(req, doc)) {
      res.status(304).end();
      return;
    }
    res.status(200).type('text/calendar; charset=utf-8');
    res.set('content-disposition', `${download ? 'attachment' : 'inline'}; filename="${doc.filename.replace(/[^\w.-]/g, '')}"`);
    res.send(doc.body);
  }
}

/** "kittila-2023.ics" → "kittila-2023"; anything not ending in .ics matches nothing (404). */
function stem(file: string): string {
  return file.endsWith('.ics') ? file.slice(0, -4) : '';
}

function notModified(req: Request, doc: CalendarDocument): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch) return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === doc.etag || tag.trim() === '*');
  const since = req.headers['if-modified-since'];
  if (since) {
    const time = Date.parse(since);
    return !Number.isNaN(time) && Math.floor(doc.lastModified.getTime() / 1000) * 1000 <= time;
  }
  return false;
}

import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { type Response } from 'express';
import { DomainException } from '../../../libs/common/index.js';
import { NotificationsService } from '../../../libs/notifications/index.js';

const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body style="font-family: system-ui, sans-serif; max-width: 32em; margin: 3em auto;"><h1>${title}</h1>${body}</body></html>`;

/**
 * One-click unsubscribe (RFC 8058): mail clients POST to the List-Unsubscribe URL; a person who
 * opens the link gets a page with a button, since a GET (link scanners) must change nothing.
 */
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get(':token')
  show(@Param('token') token: string, @Res() res: Response) {
    try {
      const { kind } = this.notifications.verifyUnsubscribeToken(token);
      const label = kind.toLowerCase().replace(/_/g, ' ');
      res
        .type('html')
        .send(page('Unsubscribe', `<p>Stop receiving <strong>${label}</strong> messages from ClusterMeet?</p><form method="post"><button type="submit">Unsubscribe</button></form>`));
    } catch (error) {
      this.invalid(error, res);
    }
  }

  @Post(':token')
  @HttpCode(200)
  async unsubscribe(@Param('token') token: string, @Res() res: Response) {
    try {
      const { kind } = await this.notifications.unsubscribeWithToken(token);
      res.type('html').send(page('Unsubscribed', `<p>You will no longer receive ${kind.toLowerCase().replace(/_/g, ' ')} messages. Essential messages (changes to your meetings and sessions) still reach you.</p>`));
    } catch (error) {
      this.invalid(error, res);
    }
  }

  private invalid(error: unknown, res: Response) {
    if (!(error instanceof DomainException)) throw error;
    res.status(404).type('html').send(page('Link not valid', '<p>This unsubscribe link is not valid.</p>'));
  }
}

import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { type Response } from 'express';
import { CommonException } from '../../../libs/common/index.js';
import { PrivacyService } from '../../../libs/privacy/index.js';
import { type ApiRequest } from '../graphql/request.js';
import { MaterialsHttpFilter } from '../materials/materials-http.filter.js';
import { RateLimit } from '../security/rate-limit.guard.js';

/** The personal-data export as a download (Authorization: Bearer); the same document as exportMyData. */
@Controller('me')
@UseFilters(MaterialsHttpFilter)
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Get('export.json')
  @RateLimit('export')
  async export(@Req() req: ApiRequest, @Res() res: Response) {
    if (!req.actor) throw CommonException.authenticationRequired();
    const data = await this.privacy.exportMyData(req.actor);
    res
      .status(200)
      .type('application/json; charset=utf-8')
      .set('cache-control', 'no-store')
      .set('content-disposition', 'attachment; filename="clustermeet-my-data.json"')
      .send(JSON.stringify(data, null, 2));
  }
}

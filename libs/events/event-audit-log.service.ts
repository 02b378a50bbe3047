import { Injectable } from '@nestjs/common';
import { type AuditFilter, AuditLogService, type AuditPage } from '../audit/index.js';
import { type Actor } from '../identity/index.js';
import { EventAccessService } from './event-access.service.js';

/** An event's audit log, for its organisers only. */
@Injectable()
export class EventAuditLogService {
  constructor(
    private readonly access: EventAccessService,
    private readonly audit: AuditLogService,
  ) {}

  async list(actor: Actor | null, eventId: string, filter: AuditFilter = {}, first = 50, after?: string | null): Promise<AuditPage> {
    await this.access.requireOrganiser(actor, eventId);
    return this.audit.page(eventId, filter, first, after);
  }
}

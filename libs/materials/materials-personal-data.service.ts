import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';

/**
 * Materials' part of a person's data export, in the caller's transaction: the materials they own
 * and the versions they uploaded (names, sizes, checksums, when), not the files themselves, which
 * they can download from the app. Erasure leaves materials in place: they belong to the event's
 * programme, and the erased account's tombstone is all that names their owner.
 */
@Injectable()
export class MaterialsPersonalDataService {
  async exportFor(manager: EntityManager, accountId: string) {
    const [owned, uploaded] = await Promise.all([
      manager.query(
        `SELECT id, event_id AS "eventId", session_id AS "sessionId", title, visibility, embargo_until_start AS "embargoUntilStart",
                current_version AS "currentVersion", created_at AS "createdAt"
           FROM material WHERE owner_account_id = $1 ORDER BY created_at, id`,
        [accountId],
      ),
      manager.query(
        `SELECT v.material_id AS "materialId", m.event_id AS "eventId", v.version, v.file_name AS "fileName", v.file_type AS "fileType",
                v.size_bytes::text AS "sizeBytes", v.sha256, v.uploaded_at AS "uploadedAt"
           FROM material_version v JOIN material m ON m.id = v.material_id WHERE v.uploaded_by = $1 ORDER BY v.uploaded_at, v.id`,
        [accountId],
      ),
    ]);
    return { owned, uploaded };
  }
}

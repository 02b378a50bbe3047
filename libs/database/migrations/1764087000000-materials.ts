import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Presenter materials: per-event rules (allowed types, maximum size, upload deadline), materials
 * attached to sessions and their immutable versions. A material's current version must exist
 * (deferred foreign key), version numbers are unique per material and storage keys are unique.
 */
export class Materials1764087000000 implements MigrationInterface {
  name = 'Materials1764087000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE materials_settings (
        event_id         uuid PRIMARY KEY REFERENCES event (id) ON DELETE CASCADE,
        allowed_types    text[] NOT NULL DEFAULT '{PDF,PPTX,DOCX,XLSX,ODP,PNG,JPEG,MP4}',
        max_bytes        bigint NOT NULL DEFAULT 52428800 CHECK (max_bytes > 0),
        upload_deadline  timestamptz,
        pack_public      boolean NOT NULL DEFAULT false,
        updated_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT materials_settings_types_check CHECK (
          cardinality(allowed_types) >= 1
          AND allowed_types <@ ARRAY['PDF','PPTX','DOCX','XLSX','ODP','ODT','ODS','PNG','JPEG','GIF','WEBP','MP4','ZIP']::text[])
      )`);

    await db.query(`
      CREATE TABLE material (
        id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id             uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        session_id           uuid NOT NULL,
        title                text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        visibility           text NOT NULL DEFAULT 'PARTICIPANTS' CHECK (visibility IN ('PUBLIC', 'PARTICIPANTS', 'PRIVATE')),
        embargo_until_start  boolean NOT NULL DEFAULT false,
        owner_account_id     uuid REFERENCES account (id) ON DELETE SET NULL,
        current_version      integer NOT NULL CHECK (current_version >= 1),
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT material_session_fkey FOREIGN KEY (session_id, event_id) REFERENCES agenda_session (id, event_id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX material_session_idx ON material (session_id)`);
    await db.query(`CREATE INDEX material_event_idx ON material (event_id)`);

    await db.query(`
      CREATE TABLE material_version (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        material_id   uuid NOT NULL REFERENCES material (id) ON DELETE CASCADE,
        version       integer NOT NULL CHECK (version >= 1),
        storage_key   text NOT NULL CHECK (storage_key ~ '^[0-9a-f]{2}/[0-9a-f-]{36}$'),
        file_name     text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
        file_type     text NOT NULL,
        content_type  text NOT NULL,
        size_bytes    bigint NOT NULL CHECK (size_bytes > 0),
        sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_by   uuid REFERENCES account (id) ON DELETE SET NULL,
        uploaded_at   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT material_version_number_key UNIQUE (material_id, version),
        CONSTRAINT material_version_storage_key UNIQUE (storage_key)
      )`);
    await db.query(`
      ALTER TABLE material ADD CONSTRAINT material_current_version_fkey
        FOREIGN KEY (id, current_version) REFERENCES material_version (material_id, version)
        DEFERRABLE INITIALLY DEFERRED`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE material DROP CONSTRAINT material_current_version_fkey`);
    await db.query(`DROP TABLE material_version`);
    await db.query(`DROP TABLE material`);
    await db.query(`DROP TABLE materials_settings`);
  }
}

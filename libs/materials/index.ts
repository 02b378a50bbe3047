export { MaterialVisibility } from './entities/material.entity.js';
export { DEFAULT_ALLOWED_TYPES, FILE_TYPES, MaterialFileType, sniffFileType } from './file-type.js';
export { contentDisposition, sanitiseFileName } from './filename.js';
export { parseRange } from './http-range.js';
export { MaterialsChasingService, type MissingMaterials } from './materials-chasing.service.js';
export { MaterialsException, MaterialsReason } from './materials.exception.js';
export { MaterialFilesSweeper } from './material-files.sweeper.js';
export { MATERIAL_FILES_SWEEP_QUEUE } from './material-files.worker.js';
export { MaterialsModule, MaterialsWorkerModule } from './materials.module.js';
export { type MaterialsPack, MaterialsPackService } from './materials-pack.service.js';
export { MaterialsPersonalDataService } from './materials-personal-data.service.js';
export {
  type IncomingFile,
  type MaterialDownload,
  MaterialsService,
  type MaterialUpdate,
  type MaterialVersionView,
  type MaterialView,
  type UploadTarget,
} from './materials.service.js';
export { DEFAULT_MAX_BYTES, type MaterialsSettings, MaterialsSettingsService, type MaterialsSettingsUpdate } from './materials-settings.service.js';
export { LocalDiskStorage } from './storage/local-disk.storage.js';
export { type ByteRange, MATERIAL_STORAGE, type MaterialStorage, newStorageKey } from './storage/material-storage.js';
export { S3Storage, type S3StorageOptions } from './storage/s3.storage.js';

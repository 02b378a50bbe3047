import { type Provider } from '@nestjs/common';
import { type AppConfig, APP_CONFIG } from '../../config/index.js';
import { LocalDiskStorage } from './local-disk.storage.js';
import { MATERIAL_STORAGE } from './material-storage.js';
import { S3Storage } from './s3.storage.js';

/** Local disk unless MATERIALS_STORAGE=s3. */
export const materialStorageProvider: Provider = {
  provide: MATERIAL_STORAGE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => {
    const m = config.materials;
    if (m.storage === 's3') {
      return new S3Storage({ ...m.s3, bucket: m.s3.bucket!, region: m.s3.region });
    }
    return new LocalDiskStorage(m.dir);
  },
};

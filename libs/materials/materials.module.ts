import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaModule } from '../agenda/index.js';
import { EventsModule } from '../events/index.js';
import { JobsModule } from '../jobs/index.js';
import { MaterialEntity } from './entities/material.entity.js';
import { MaterialVersionEntity } from './entities/material-version.entity.js';
import { MaterialsSettingsEntity } from './entities/materials-settings.entity.js';
import { MaterialFilesSweeper } from './material-files.sweeper.js';
import { MaterialsPersonalDataService } from './materials-personal-data.service.js';
import { MaterialFilesWorker } from './material-files.worker.js';
import { MaterialsChasingService } from './materials-chasing.service.js';
import { MaterialsPackService } from './materials-pack.service.js';
import { MaterialsService } from './materials.service.js';
import { MaterialsSettingsService } from './materials-settings.service.js';
import { materialStorageProvider } from './storage/material-storage.provider.js';
import { MATERIAL_STORAGE } from './storage/material-storage.js';

@Module({
  imports: [TypeOrmModule.forFeature([MaterialEntity, MaterialVersionEntity, MaterialsSettingsEntity]), EventsModule, AgendaModule],
  providers: [materialStorageProvider, MaterialFilesSweeper, MaterialsService, MaterialsSettingsService, MaterialsChasingService, MaterialsPackService, MaterialsPersonalDataService],
  exports: [MATERIAL_STORAGE, MaterialFilesSweeper, MaterialsService, MaterialsSettingsService, MaterialsChasingService, MaterialsPackService, MaterialsPersonalDataService],
})
export class MaterialsModule {}

/** The file sweep's processor (API process with RUN_WORKER_IN_API, and apps/worker). */
@Module({ imports: [MaterialsModule, JobsModule], providers: [MaterialFilesWorker] })
export class MaterialsWorkerModule {}

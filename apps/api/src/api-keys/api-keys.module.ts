import { Module } from '@nestjs/common';
import { CreateApiKeyController } from './create-api-key/create-api-key.controller';
import { CreateApiKeyHandler } from './create-api-key/create-api-key.handler';
import { ListApiKeysController } from './list-api-keys/list-api-keys.controller';
import { ListApiKeysHandler } from './list-api-keys/list-api-keys.handler';
import { RevokeApiKeyController } from './revoke-api-key/revoke-api-key.controller';
import { RevokeApiKeyHandler } from './revoke-api-key/revoke-api-key.handler';

@Module({
  controllers: [CreateApiKeyController, ListApiKeysController, RevokeApiKeyController],
  providers: [CreateApiKeyHandler, ListApiKeysHandler, RevokeApiKeyHandler],
})
export class ApiKeysModule {}

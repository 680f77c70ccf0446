import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { decodeCursor, pageOf } from '../../infrastructure/http/page-cursor';
import { PageRequest } from '../../infrastructure/http/page.request';

import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';

import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';

import { CreateWebhookEndpointRequest, UpdateWebhookEndpointRequest } from './webhook-endpoint.request';

import { WebhookEndpointsService } from './webhook-endpoints.service';

import { EndpointParams } from './endpoint-params.request';

import {
  WebhookEndpointListResponse,
  WebhookEndpointResponse,
  WebhookEndpointWithSecretResponse,
  WebhookTestResponse,
} from '../webhooks.response';

import { ApiErrors } from '../../infrastructure/http/openapi/api-errors.decorator';

@ApiTags('webhooks')
@Controller('v1/webhooks/endpoints')
@RequiresRole('webhooks')
export class WebhookEndpointsController {
  constructor(private readonly endpoints: WebhookEndpointsService) {}

  @Post()
  @ApiOperation({ summary: 'Register an endpoint; the answer shows its signing secret (whsec_…) once' })
  @ApiErrors('WEBHOOK.URL_REFUSED', 'WEBHOOK.ADDRESS_REFUSED')
  @ApiResponse({
    status: 201,
    description: 'Registered; the secret is shown this once',
    type: WebhookEndpointWithSecretResponse,
  })
  create(@Body() body: CreateWebhookEndpointRequest) {
    return this.endpoints.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'Every endpoint, without secrets, oldest first (paged: limit, after → next)' })
  @ApiResponse({ status: 200, description: 'A page of endpoints', type: WebhookEndpointListResponse })
  async list(@Query() { after, limit }: PageRequest) {
    const key = decodeCursor<[string, string]>(after, 'webhook-endpoints', ['string', 'string']);
    const keyOf = (endpoint: { createdAt: string | null; id: string }) => [
      endpoint.createdAt ?? '',
      endpoint.id,
    ];
    return pageOf(
      'webhook-endpoints',
      await this.endpoints.list(),
      keyOf,
      (endpoint) => {
        if (!key) return true;
        const [createdAt, id] = keyOf(endpoint);
        return createdAt > key[0] || (createdAt === key[0] && id > key[1]);
      },
      limit ?? 100,
    );
  }

  @Get(':endpointId')
  @ApiOperation({ summary: 'One endpoint, with why it is disabled if it is' })
  @ApiErrors('WEBHOOK.ENDPOINT_NOT_FOUND')
  @ApiResponse({ status: 200, description: 'The endpoint', type: WebhookEndpointResponse })
  one(@Param() { endpointId }: EndpointParams) {
    return this.endpoints.get(endpointId);
  }

  @Patch(':endpointId')
  @ApiOperation({ summary: 'Change URL, filters or description; enabled: true re-enables it' })
  @ApiErrors('WEBHOOK.ENDPOINT_NOT_FOUND', 'WEBHOOK.URL_REFUSED', 'WEBHOOK.ADDRESS_REFUSED')
  @ApiResponse({ status: 200, description: 'The endpoint after the change', type: WebhookEndpointResponse })
  update(@Param() { endpointId }: EndpointParams, @Body() body: UpdateWebhookEndpointRequest) {
    return this.endpoints.update(endpointId, body);
  }

  @Delete(':endpointId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an endpoint; its pending deliveries are cancelled' })
  @ApiErrors('WEBHOOK.ENDPOINT_NOT_FOUND')
  @ApiResponse({ status: 204, description: 'Deleted; pending deliveries cancelled' })
  async remove(@Param() { endpointId }: EndpointParams): Promise<void> {
    await this.endpoints.remove(endpointId);
  }

  @Post(':endpointId/rotate-secret')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A new secret, shown once; the old one also signs until WEBHOOKS_ROTATION_OVERLAP ends',
  })
  @ApiErrors('WEBHOOK.ENDPOINT_NOT_FOUND')
  @ApiResponse({
    status: 200,
    description: 'A new secret, shown this once',
    type: WebhookEndpointWithSecretResponse,
  })
  rotate(@Param() { endpointId }: EndpointParams) {
    return this.endpoints.rotateSecret(endpointId);
  }

  @Post(':endpointId/test')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a webhook.test notice to this endpoint' })
  @ApiErrors('WEBHOOK.ENDPOINT_NOT_FOUND')
  @ApiResponse({ status: 202, description: 'A webhook.test notice is queued', type: WebhookTestResponse })
  test(@Param() { endpointId }: EndpointParams) {
    return this.endpoints.sendTest(endpointId);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';
import { CreateWebhookEndpointRequest, UpdateWebhookEndpointRequest } from './webhook-endpoint.request';
import { WebhookEndpointsService } from './webhook-endpoints.service';
import { DELIVERY_EXAMPLE, ENDPOINT_EXAMPLE } from '../webhook.examples';

export class EndpointParams {
  @IsUUID()
  endpointId!: string;
}

@ApiTags('webhooks')
@Controller('v1/webhooks/endpoints')
@RequiresRole('webhooks')
export class WebhookEndpointsController {
  constructor(private readonly endpoints: WebhookEndpointsService) {}

  @Post()
  @ApiResponse({
    status: 201,
    description: 'The endpoint, with its secret shown once',
    example: {
      ...ENDPOINT_EXAMPLE,
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    },
  })
  @ApiOperation({ summary: 'Register an endpoint; the answer shows its signing secret (whsec_…) once' })
  create(@Body() body: CreateWebhookEndpointRequest) {
    return this.endpoints.create(body);
  }

  @Get()
  @ApiResponse({
    status: 200,
    description: 'Every endpoint',
    example: [ENDPOINT_EXAMPLE],
  })
  @ApiOperation({ summary: 'Every endpoint, without secrets' })
  async list() {
    return { items: await this.endpoints.list() };
  }

  @Get(':endpointId')
  @ApiResponse({
    status: 200,
    description: 'The endpoint',
    example: ENDPOINT_EXAMPLE,
  })
  @ApiOperation({ summary: 'One endpoint, with why it is disabled if it is' })
  one(@Param() { endpointId }: EndpointParams) {
    return this.endpoints.get(endpointId);
  }

  @Patch(':endpointId')
  @ApiResponse({
    status: 200,
    description: 'The changed endpoint',
    example: ENDPOINT_EXAMPLE,
  })
  @ApiOperation({ summary: 'Change URL, filters or description; enabled: true re-enables it' })
  update(@Param() { endpointId }: EndpointParams, @Body() body: UpdateWebhookEndpointRequest) {
    return this.endpoints.update(endpointId, body);
  }

  @Delete(':endpointId')
  @HttpCode(204)
  @ApiResponse({
    status: 404,
    description: 'No such endpoint (204 with no body when deleted)',
    example: {
      error: {
        code: 'WEBHOOK.ENDPOINT_NOT_FOUND',
        message: 'No webhook endpoint wh_3f0c2a9e.',
        details: { endpointId: 'wh_3f0c2a9e' },
      },
    },
  })
  @ApiOperation({ summary: 'Delete an endpoint; its pending deliveries are cancelled' })
  async remove(@Param() { endpointId }: EndpointParams): Promise<void> {
    await this.endpoints.remove(endpointId);
  }

  @Post(':endpointId/rotate-secret')
  @HttpCode(200)
  @ApiResponse({
    status: 200,
    description: 'The new secret, shown once',
    example: {
      ...ENDPOINT_EXAMPLE,
      secret: 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD',
    },
  })
  @ApiOperation({
    summary: 'A new secret, shown once; the old one also signs until WEBHOOKS_ROTATION_OVERLAP ends',
  })
  rotate(@Param() { endpointId }: EndpointParams) {
    return this.endpoints.rotateSecret(endpointId);
  }

  @Post(':endpointId/test')
  @HttpCode(202)
  @ApiResponse({
    status: 202,
    description: 'The test notice queued',
    example: DELIVERY_EXAMPLE,
  })
  @ApiOperation({ summary: 'Send a webhook.test notice to this endpoint' })
  test(@Param() { endpointId }: EndpointParams) {
    return this.endpoints.sendTest(endpointId);
  }
}

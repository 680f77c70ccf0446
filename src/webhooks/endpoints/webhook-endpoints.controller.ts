import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';
import { CreateWebhookEndpointRequest, UpdateWebhookEndpointRequest } from './webhook-endpoint.request';
import { WebhookEndpointsService } from './webhook-endpoints.service';

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
  @ApiOperation({ summary: 'Register an endpoint; the answer shows its signing secret (whsec_…) once' })
  create(@Body() body: CreateWebhookEndpointRequest) {
    return this.endpoints.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'Every endpoint, without secrets' })
  async list() {
    return { items: await this.endpoints.list() };
  }

  @Get(':endpointId')
  @ApiOperation({ summary: 'One endpoint, with why it is disabled if it is' })
  one(@Param() { endpointId }: EndpointParams) {
    return this.endpoints.get(endpointId);
  }

  @Patch(':endpointId')
  @ApiOperation({ summary: 'Change URL, filters or description; enabled: true re-enables it' })
  update(@Param() { endpointId }: EndpointParams, @Body() body: UpdateWebhookEndpointRequest) {
    return this.endpoints.update(endpointId, body);
  }

  @Delete(':endpointId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an endpoint; its pending deliveries are cancelled' })
  async remove(@Param() { endpointId }: EndpointParams): Promise<void> {
    await this.endpoints.remove(endpointId);
  }

  @Post(':endpointId/rotate-secret')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A new secret, shown once; the old one also signs until WEBHOOKS_ROTATION_OVERLAP ends',
  })
  rotate(@Param() { endpointId }: EndpointParams) {
    return this.endpoints.rotateSecret(endpointId);
  }

  @Post(':endpointId/test')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a webhook.test notice to this endpoint' })
  test(@Param() { endpointId }: EndpointParams) {
    return this.endpoints.sendTest(endpointId);
  }
}

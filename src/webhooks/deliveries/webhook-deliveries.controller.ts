import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';
import { EndpointParams } from '../endpoints/webhook-endpoints.controller';
import {
  DeadLettersQuery,
  DeliveriesQuery,
  DeliveryParams,
  ReplayRequest,
} from './webhook-deliveries.request';
import { WebhookDeliveriesService } from './webhook-deliveries.service';

@ApiTags('webhooks')
@Controller('v1/webhooks')
@RequiresRole('webhooks')
export class WebhookDeliveriesController {
  constructor(private readonly deliveries: WebhookDeliveriesService) {}

  @Get('endpoints/:endpointId/deliveries')
  @ApiOperation({
    summary: "An endpoint's deliveries, newest first, each with every attempt (time, status, latency, error)",
  })
  async list(@Param() { endpointId }: EndpointParams, @Query() query: DeliveriesQuery) {
    return { items: await this.deliveries.forEndpoint(endpointId, query.status, query.limit) };
  }

  @Post('endpoints/:endpointId/replay')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send again what was created since a time: only failed deliveries, or every notice',
  })
  replay(@Param() { endpointId }: EndpointParams, @Body() body: ReplayRequest) {
    return this.deliveries.replay(endpointId, new Date(body.since), body.only);
  }

  @Post('deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send one delivery again (also from the dead letters)' })
  redeliver(@Param() { deliveryId }: DeliveryParams) {
    return this.deliveries.redeliver(deliveryId);
  }

  @Get('dead-letters')
  @ApiOperation({ summary: 'Deliveries that gave up, newest first' })
  async deadLetters(@Query() query: DeadLettersQuery) {
    return { items: await this.deliveries.deadLetters(query.endpointId, query.limit) };
  }
}

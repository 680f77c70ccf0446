import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';

import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';

import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';

import { EndpointParams } from '../endpoints/endpoint-params.request';

import {
  DeadLettersQuery,
  DeliveriesQuery,
  DeliveryParams,
  ReplayRequest,
} from './webhook-deliveries.request';

import { WebhookDeliveriesService } from './webhook-deliveries.service';

import {
  WebhookDeliveryListResponse,
  WebhookDeliveryResponse,
  WebhookReplayResponse,
} from '../webhooks.response';

import { ApiErrors } from '../../infrastructure/http/openapi/api-errors.decorator';

@ApiTags('webhooks')
@Controller('v1/webhooks')
@RequiresRole('webhooks')
export class WebhookDeliveriesController {
  constructor(private readonly deliveries: WebhookDeliveriesService) {}

  @Get('endpoints/:endpointId/deliveries')
  @ApiOperation({
    summary: "An endpoint's deliveries, newest first, each with every attempt (time, status, latency, error)",
  })
  @ApiErrors('WEBHOOK.ENDPOINT_NOT_FOUND')
  @ApiResponse({
    status: 200,
    description: 'Deliveries, newest first, with every attempt',
    type: WebhookDeliveryListResponse,
  })
  async list(@Param() { endpointId }: EndpointParams, @Query() query: DeliveriesQuery) {
    return { items: await this.deliveries.forEndpoint(endpointId, query.status, query.limit) };
  }

  @Post('endpoints/:endpointId/replay')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Send again since a time: the deliveries that failed, or every notice of what was recorded since then',
  })
  @ApiErrors('WEBHOOK.ENDPOINT_NOT_FOUND')
  @ApiResponse({ status: 202, description: 'Deliveries queued again', type: WebhookReplayResponse })
  replay(@Param() { endpointId }: EndpointParams, @Body() body: ReplayRequest) {
    return this.deliveries.replay(endpointId, new Date(body.since), body.only);
  }

  @Post('deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send one delivery again (also from the dead letters)' })
  @ApiErrors('WEBHOOK.DELIVERY_NOT_FOUND')
  @ApiResponse({ status: 202, description: 'Queued again', type: WebhookDeliveryResponse })
  redeliver(@Param() { deliveryId }: DeliveryParams) {
    return this.deliveries.redeliver(deliveryId);
  }

  @Get('dead-letters')
  @ApiOperation({ summary: 'Deliveries that gave up, newest first' })
  @ApiResponse({ status: 200, description: 'Deliveries that gave up', type: WebhookDeliveryListResponse })
  async deadLetters(@Query() query: DeadLettersQuery) {
    return { items: await this.deliveries.deadLetters(query.endpointId, query.limit) };
  }
}

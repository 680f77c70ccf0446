import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequiresRole } from '../../infrastructure/http/requires-role.decorator';
import { EndpointParams } from '../endpoints/webhook-endpoints.controller';
import {
  DeadLettersQuery,
  DeliveriesQuery,
  DeliveryParams,
  ReplayRequest,
} from './webhook-deliveries.request';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { DELIVERY_EXAMPLE } from '../webhook.examples';

@ApiTags('webhooks')
@Controller('v1/webhooks')
@RequiresRole('webhooks')
export class WebhookDeliveriesController {
  constructor(private readonly deliveries: WebhookDeliveriesService) {}

  @Get('endpoints/:endpointId/deliveries')
  @ApiResponse({
    status: 200,
    description: 'A page of deliveries',
    example: {
      items: [DELIVERY_EXAMPLE],
      next: null,
    },
  })
  @ApiOperation({
    summary: "An endpoint's deliveries, newest first, each with every attempt (time, status, latency, error)",
  })
  async list(@Param() { endpointId }: EndpointParams, @Query() query: DeliveriesQuery) {
    return { items: await this.deliveries.forEndpoint(endpointId, query.status, query.limit) };
  }

  @Post('endpoints/:endpointId/replay')
  @HttpCode(202)
  @ApiResponse({ status: 202, description: 'The deliveries queued again', example: { queued: 3 } })
  @ApiOperation({
    summary:
      'Send again since a time: the deliveries that failed, or every notice of what was recorded since then',
  })
  replay(@Param() { endpointId }: EndpointParams, @Body() body: ReplayRequest) {
    return this.deliveries.replay(endpointId, new Date(body.since), body.only);
  }

  @Post('deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @ApiResponse({
    status: 202,
    description: 'The delivery queued again',
    example: DELIVERY_EXAMPLE,
  })
  @ApiOperation({ summary: 'Send one delivery again (also from the dead letters)' })
  redeliver(@Param() { deliveryId }: DeliveryParams) {
    return this.deliveries.redeliver(deliveryId);
  }

  @Get('dead-letters')
  @ApiResponse({
    status: 200,
    description: 'Dead letters',
    example: {
      items: [
        {
          id: 'dlv_1',
          messageId: 'msg_5d2c',
          eventType: 'stance.changed',
          status: 'dead',
          attempts: 1,
          lastStatus: 500,
          lastError: null,
          nextAttemptAt: null,
          deliveredAt: null,
        },
      ],
      next: null,
    },
  })
  @ApiOperation({ summary: 'Deliveries that gave up, newest first' })
  async deadLetters(@Query() query: DeadLettersQuery) {
    return { items: await this.deliveries.deadLetters(query.endpointId, query.limit) };
  }
}

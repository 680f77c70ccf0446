import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { WebhookDeliveriesController } from './deliveries/webhook-deliveries.controller';
import { WebhookDeliveriesService } from './deliveries/webhook-deliveries.service';
import { AddressPolicy } from './delivery/address-policy';
import { WebhookSender } from './delivery/webhook-sender';
import { WebhookDispatcher } from './dispatch/webhook-dispatcher';
import { WebhookEndpointsController } from './endpoints/webhook-endpoints.controller';
import { WebhookEndpointsService } from './endpoints/webhook-endpoints.service';
import { SecretBox } from './secret-box';
import { WebhookOutboxModule } from './webhook-outbox.module';

@Module({
  imports: [WebhookOutboxModule],
  controllers: [WebhookEndpointsController, WebhookDeliveriesController],
  providers: [
    SecretBox,
    WebhookEndpointsService,
    WebhookDeliveriesService,
    WebhookDispatcher,
    {
      provide: AddressPolicy,
      inject: [AppConfig],
      useFactory: ({ env }: AppConfig) =>
        new AddressPolicy(
          (env.WEBHOOKS_ALLOW_CIDRS ?? '')
            .split(',')
            .map((cidr) => cidr.trim())
            .filter(Boolean),
        ),
    },
    {
      provide: WebhookSender,
      inject: [AddressPolicy, AppConfig],
      useFactory: (policy: AddressPolicy, { durations }: AppConfig) =>
        new WebhookSender({
          policy,
          connectTimeoutMs: durations.WEBHOOKS_CONNECT_TIMEOUT,
          totalTimeoutMs: durations.WEBHOOKS_TIMEOUT,
          maxResponseBytes: 2048,
          maxRetryAfterMs: durations.WEBHOOKS_MAX_RETRY_AFTER,
        }),
    },
  ],
})
export class WebhooksModule {}

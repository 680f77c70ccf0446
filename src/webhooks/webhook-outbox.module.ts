import { Module } from '@nestjs/common';
import { WebhookOutboxProjector } from './outbox/webhook-outbox.projector';
import { WebhookQueue } from './outbox/webhook-queue';

/** What the projection host needs of webhooks: the outbox projection and its queue. */
@Module({
  providers: [WebhookQueue, WebhookOutboxProjector],
  exports: [WebhookQueue, WebhookOutboxProjector],
})
export class WebhookOutboxModule {}

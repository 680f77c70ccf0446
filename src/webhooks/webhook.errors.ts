import { DomainError } from '@domain/shared/domain-error';

export class WebhookEndpointNotFoundError extends DomainError {
  readonly code = 'WEBHOOK.ENDPOINT_NOT_FOUND';
  constructor(endpointId: string) {
    super(`No webhook endpoint "${endpointId}".`, { endpointId });
  }
}

export class WebhookDeliveryNotFoundError extends DomainError {
  readonly code = 'WEBHOOK.DELIVERY_NOT_FOUND';
  constructor(deliveryId: string) {
    super(`No webhook delivery "${deliveryId}".`, { deliveryId });
  }
}

export class WebhookUrlRefusedError extends DomainError {
  readonly code = 'WEBHOOK.URL_REFUSED';
  constructor(reason: string) {
    super(`This endpoint URL is refused: ${reason}.`, { field: 'url', reason });
  }
}

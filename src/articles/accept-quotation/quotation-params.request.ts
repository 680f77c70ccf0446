import { IsUUID } from 'class-validator';

export class QuotationParams {
  @IsUUID('all', { message: 'quotationId must be a quotation id from GET /v1/review' })
  quotationId!: string;
}

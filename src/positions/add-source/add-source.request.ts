import { SourceRequest } from '../shared/source.request';

/** Another outlet that reported the same statement. */
export class AddSourceRequest extends SourceRequest {}

import { ApiError, errorText } from '../api';

export const ErrorNote = ({ error }: { error: Error }) => (
  <p class="error" role="alert">
    {error instanceof ApiError && error.status === 401
      ? 'This needs an API key: sign in at the top of the page.'
      : errorText(error)}
  </p>
);

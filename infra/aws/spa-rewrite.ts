/**
 * CloudFront Function (viewer request, default behaviour only) that serves index.html for
 * the app's client-side routes: any path whose last segment has no dot. Files keep their
 * path, and `/api/*` never reaches it, so the API's own 404s pass through unchanged.
 * Plain ES5 because it runs in CloudFront's JavaScript runtime, not Node.
 */
export const SPA_REWRITE_FUNCTION_CODE = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var lastSegment = uri.substring(uri.lastIndexOf('/') + 1);
  if (lastSegment.indexOf('.') === -1) {
    request.uri = '/index.html';
  }
  return request;
}`;

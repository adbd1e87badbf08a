import { Inject, Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Histogram } from 'prom-client';
import type { Registry } from 'prom-client';
import { METRICS_REGISTRY } from '@watchfloor/nest-runtime';

/** Times every HTTP request, the guard's refusals and the dashboard's included. */
@Injectable()
export class HttpRequestMetrics {
  private readonly duration: Histogram<'method' | 'route' | 'status_code'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.duration = new Histogram({
      name: 'watchfloor_http_request_duration_seconds',
      help: 'HTTP requests by method, route template and status, from arrival to the last byte sent',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  }

  /** Express middleware, mounted before every route. */
  readonly record = (request: Request, response: Response, next: NextFunction): void => {
    const stop = this.duration.startTimer();
    response.once('finish', () =>
      stop({ method: request.method, route: routeTemplate(request), status_code: String(response.statusCode) }),
    );
    next();
  };
}

/**
 * The matched route's template (`/api/issues/:id`), never the path itself: one series per route,
 * not one per id. Whatever no route matched (static files, 404s) shares a single label.
 */
function routeTemplate(request: Request): string {
  const path = (request.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${request.baseUrl}${path}` : 'unmatched';
}

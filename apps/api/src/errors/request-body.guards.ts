import type { ErrorRequestHandler, RequestHandler } from 'express';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '@watchfloor/domain';

/** The largest request body read: ample for any form or layout, small enough to bound the work. */
export const MAX_BODY = { bytes: '1mb', label: '1 MB' } as const;

/** An error raised by Express's body parsers (the `http-errors` shape). */
interface BodyParserError {
  type?: unknown;
  status?: unknown;
  expose?: unknown;
  message?: unknown;
}

/**
 * Body parsers run before Nest routes the request, so their errors never reach Nest's filters
 * (they surfaced as a misleading 404). They are answered here, in Nest's error shape.
 */
export const answerBodyParserErrors: ErrorRequestHandler = (error: BodyParserError, _request, response, next) => {
  const answer = describe(error);
  if (answer === undefined) {
    next(error);
    return;
  }
  response.status(answer.statusCode).json(answer);
};

function describe(error: BodyParserError): { statusCode: number; error: string; message: string } | undefined {
  switch (error?.type) {
    case 'entity.too.large':
      return { statusCode: 413, error: 'Payload Too Large', message: `The request body is over ${MAX_BODY.label}` };
    case 'entity.parse.failed':
      return {
        statusCode: 400,
        error: 'Bad Request',
        message: `The request body is not valid JSON: ${String(error.message)}`,
      };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { statusCode: 415, error: 'Unsupported Media Type', message: String(error.message) };
  }
  // Other client errors from the parsers (an aborted upload, a bad Content-Length).
  if (typeof error?.status === 'number' && error.status >= 400 && error.status < 500 && error.expose === true) {
    return { statusCode: error.status, error: 'Bad Request', message: String(error.message) };
  }
  return undefined;
}

/**
 * JSON.parse reads any depth, but the code after it recurses (validation, JSON.stringify when
 * storing or logging): a body nested thousands of levels deep is refused before it gets there.
 */
export const refuseDeeplyNestedBodies: RequestHandler = (request, response, next) => {
  if (nestsDeeperThan(request.body as unknown)) {
    response.status(400).json({
      statusCode: 400,
      error: 'Bad Request',
      message: `The request body is nested deeper than ${MAX_JSON_DEPTH} levels`,
    });
    return;
  }
  next();
};

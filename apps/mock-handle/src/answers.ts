import { HandleApiError, RESPONSE_CODE } from './response-codes.js';

/** What a route hands back to the server: status, headers and the body text. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const JSON_TYPE = 'application/json;charset=UTF-8';
const HTML_TYPE = 'text/html;charset=UTF-8';
const BASIC_CHALLENGE = 'Basic realm="handle"';

/** A JSON answer. */
export function answerJson(status: number, body: object): Answer {
  return { status, headers: { 'Content-Type': JSON_TYPE }, body: JSON.stringify(body) };
}

/** A JSON answer with `responseCode` 1. */
export function answerSuccess(status: number, fields: object): Answer {
  return answerJson(status, { responseCode: RESPONSE_CODE.success, ...fields });
}

/** The JSON error answer for a refusal, shaped like a real server's. */
export function answerApiError(error: HandleApiError): Answer {
  const body: Record<string, unknown> = { responseCode: error.responseCode };
  if (error.handle !== undefined) body.handle = error.handle;
  body.message = error.message;

  const answer = answerJson(error.status, body);
  if (error.status === 401) answer.headers['WWW-Authenticate'] = BASIC_CHALLENGE;
  return answer;
}

/** 401 with no body at all: how real servers refuse credentials that do not check out. */
export function answerCredentialsRefused(): Answer {
  return { status: 401, headers: { 'WWW-Authenticate': BASIC_CHALLENGE }, body: '' };
}

/** An HTML page. */
export function answerHtml(status: number, page: string): Answer {
  return { status, headers: { 'Content-Type': HTML_TYPE }, body: page };
}

/** A 302 redirect, as the Handle proxy gives for a handle with a URL value. */
export function answerRedirect(location: string): Answer {
  return { status: 302, headers: { Location: location }, body: '' };
}

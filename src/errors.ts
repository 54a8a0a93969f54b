// Errors that reach the client as `{"error":{"code","field?","message"}}` with a Chinese message.
// Commands and policies throw these; src/server/errors.ts turns them into HTTP responses.

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, field?: string) =>
  new AppError(400, code, message, field);
export const unauthorized = (message = '请先登录，或登录已过期') =>
  new AppError(401, 'unauthorized', message);
export const forbidden = (message = '您没有权限执行此操作') => new AppError(403, 'forbidden', message);
/** Also used for objects outside the caller's scope, so that their existence does not leak. */
export const notFound = (message = '未找到该记录，或您无权查看') => new AppError(404, 'not_found', message);
export const conflict = (code: string, message: string) => new AppError(409, code, message);

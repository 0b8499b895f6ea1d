/**
 * IAM `POST /v3/auth/tokens`, password method (gsl-api.md 1.3.1). Errors use IAM's own body,
 * `{"error":{"code","message","title"}}`, plus `error_code`/`error_msg` so a client that reads
 * the GSL envelope still sees why.
 */
import type { RequestCtx, Reply, Route } from '../http';
import { iamTime } from '../dates';

function iamError(status: number, code: string, message: string): Reply {
  const title = status === 401 ? 'Unauthorized' : 'Bad Request';
  return { status, body: { error: { code: status, message, title }, error_code: code, error_msg: message } };
}

function obj(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function issueToken(ctx: RequestCtx): Reply {
  const acct = ctx.sim.account;
  const auth = obj(obj(ctx.body)?.auth);
  const identity = obj(auth?.identity);
  const methods = identity?.methods;
  if (!auth || !identity || !Array.isArray(methods) || !methods.includes('password')) {
    return iamError(400, 'IAM.0003', 'The request body must hold auth.identity with the password method');
  }
  const user = obj(obj(identity.password)?.user);
  const domain = obj(user?.domain);
  if (!user || typeof user.name !== 'string' || typeof user.password !== 'string' || !domain) {
    return iamError(400, 'IAM.0003', 'auth.identity.password.user needs name, password and domain');
  }
  const domainOk = domain.name === acct.domain || domain.id === acct.domainId;
  if (!domainOk || user.name !== acct.user || user.password !== acct.password) {
    return iamError(401, 'IAM.0004', 'The username or password is wrong.');
  }
  const scope = obj(auth.scope);
  const project = obj(scope?.project);
  const scopeDomain = obj(scope?.domain);
  let kind: 'project' | 'domain';
  if (project) {
    if (project.name !== acct.projectName && project.id !== acct.projectId) return iamError(400, 'IAM.0010', 'The project in the scope does not exist');
    kind = 'project';
  } else if (scopeDomain) {
    if (scopeDomain.name !== acct.domain && scopeDomain.id !== acct.domainId) return iamError(400, 'IAM.0010', 'The domain in the scope does not exist');
    kind = 'domain';
  } else {
    return iamError(400, 'IAM.0003', 'auth.scope must name a project or a domain');
  }
  const t = ctx.sim.auth.issueToken(kind);
  const domainRef = { id: acct.domainId, name: acct.domain };
  const token: Record<string, unknown> = {
    expires_at: iamTime(t.expiresAt),
    issued_at: iamTime(t.issuedAt),
    methods: ['password'],
    ...(kind === 'project' ? { project: { id: acct.projectId, name: acct.projectName, domain: domainRef } } : { domain: domainRef }),
    roles: [{ id: '0', name: 'op_service' }, { id: '1', name: 'gsl_adm' }],
    user: { id: acct.userId, name: acct.user, domain: domainRef, password_expires_at: '' },
  };
  if (!ctx.query.has('nocatalog')) {
    token.catalog = [
      { type: 'gsl', id: 'gsl-service', name: 'gsl', endpoints: [{ id: 'gsl-endpoint', interface: 'public', region: 'cn-north-4', region_id: 'cn-north-4', url: ctx.sim.endpoint() }] },
      { type: 'identity', id: 'iam-service', name: 'iam', endpoints: [{ id: 'iam-endpoint', interface: 'public', region: '*', region_id: '*', url: ctx.sim.endpoint() + '/v3' }] },
    ];
  }
  return { status: 201, body: { token }, headers: { 'X-Subject-Token': t.token } };
}

export const iamRoutes: Route[] = [{ method: 'POST', pattern: '/v3/auth/tokens', auth: 'none', handler: issueToken }];

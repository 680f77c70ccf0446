import { Injectable, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { AppConfig } from '../../config/app-config';
import type { Role } from './principal';
import { REQUIRED_ROLE } from './requires-role.decorator';

const normalise = (path: string): string =>
  `/${path
    .split('/')
    .filter((segment) => segment !== '')
    .join('/')}`.toLowerCase();

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : [value === undefined ? '' : String(value)];

/**
 * The role each route needs (the same metadata the AuthGuard reads), by method and Fastify route pattern, so that a
 * Fastify hook can refuse a request before its body is read. Null: the route is open.
 */
@Injectable()
export class RouteRoles {
  private table: Map<string, Role | null> | null = null;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
  ) {}

  /** Undefined for a route Nest did not declare (Swagger's pages, a 404). */
  roleFor(method: string, url: string | undefined): Role | null | undefined {
    if (url === undefined) return undefined;
    this.table ??= this.build();
    return this.table.get(`${method === 'HEAD' ? 'GET' : method} ${normalise(url)}`);
  }

  private build(): Map<string, Role | null> {
    const table = new Map<string, Role | null>();
    const open: Role | null = this.config.env.READ_REQUIRES_KEY ? 'reader' : null;
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!controller) continue;
      const prefixes = asList(Reflect.getMetadata(PATH_METADATA, controller));
      const prototype = controller.prototype as Record<string, (...args: unknown[]) => unknown>;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        const verb = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (verb === undefined) continue;
        const role =
          this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [handler, controller]) ?? open;
        for (const prefix of prefixes)
          for (const path of asList(Reflect.getMetadata(PATH_METADATA, handler)))
            table.set(`${RequestMethod[verb]} ${normalise(`${prefix}/${path}`)}`, role);
      }
    }
    return table;
  }
}

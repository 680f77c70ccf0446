import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { WEB_ROOT } from './web-assets';
import { webPages } from './web-pages.plugin';

/** Serves the pages at `/app/` and sends `/` there. */
@Module({})
export class WebModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    // The CLI boots the same modules without HTTP.
    const adapter = this.adapterHost.httpAdapter;
    if (adapter) void adapter.getInstance<FastifyInstance>().register(webPages(WEB_ROOT));
  }
}

import { INestApplicationContext, RequestMethod } from '@nestjs/common';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';

export interface RouteInfo {
  method: string;
  path: string;
  controller: string;
  handler: string;
  policy: unknown;
}

const join = (...parts: string[]) =>
  '/' +
  parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');

/** Every route the controllers declare, with the policy metadata found on the handler or its controller. */
export function listRoutes(app: INestApplicationContext, policyKey: string, prefix = 'api'): RouteInfo[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    const metatype = wrapper.metatype;
    if (!instance || !metatype) continue;
    const base = (Reflect.getMetadata(PATH_METADATA, metatype) ?? '') as string | string[];
    const proto = Object.getPrototypeOf(instance) as Record<string, () => unknown>;
    for (const name of scanner.getAllMethodNames(proto)) {
      const fn = proto[name];
      const path = Reflect.getMetadata(PATH_METADATA, fn) as string | string[] | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod | undefined;
      if (path === undefined || method === undefined) continue;
      const policy: unknown = reflector.getAllAndOverride(policyKey, [fn, metatype]);
      for (const b of [base].flat()) {
        for (const p of [path].flat()) {
          routes.push({ method: RequestMethod[method], path: join(prefix, b, p), controller: metatype.name, handler: name, policy });
        }
      }
    }
  }
  return routes.sort((a, b) => (a.path + a.method).localeCompare(b.path + b.method));
}

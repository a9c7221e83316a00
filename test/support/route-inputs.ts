import type { INestApplicationContext, Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA, INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { randomUUID } from 'node:crypto';
import type { RouteInfo } from '../../server/core/http/route-inventory';

/** What a route takes, read from its controller's metadata: path parameters, query and body DTOs, multipart. */
export interface RouteInputs {
  params: string[];
  query: Type | null;
  body: Type | null;
  multipart: boolean;
}

export function routeInputs(app: INestApplicationContext, route: RouteInfo): RouteInputs {
  const wrapper = app
    .get(DiscoveryService)
    .getControllers()
    .find((w) => w.metatype?.name === route.controller);
  const controller = wrapper!.metatype as Type;
  const handler = controller.prototype[route.handler];
  const args: Record<string, { index: number }> = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, route.handler) ?? {};
  const types: Type[] = Reflect.getMetadata('design:paramtypes', controller.prototype, route.handler) ?? [];
  const dtoOf = (kind: RouteParamtypes) => {
    const entry = Object.entries(args).find(([key]) => key.split(':')[0] === String(kind));
    const type = entry ? types[entry[1].index] : undefined;
    return type && ![String, Number, Boolean, Object, Array].includes(type as never) ? type : null;
  };
  const interceptors: unknown[] = Reflect.getMetadata(INTERCEPTORS_METADATA, handler) ?? [];
  return {
    params: [...route.path.matchAll(/:([A-Za-z_]+)/g)].map((m) => m[1]),
    query: dtoOf(RouteParamtypes.QUERY),
    body: dtoOf(RouteParamtypes.BODY),
    multipart: interceptors.some((i) => (i as { name?: string }).name === 'UploadInterceptor'),
  };
}

export interface DtoField {
  name: string;
  optional: boolean;
  /** A value the DTO accepts, as far as its rules tell. */
  valid: unknown;
}

const MATCH_CANDIDATES = ['000000', '123456', '2030-01-31', 'ab12345-ovh', '75002', 'CALL-1', 'Abc-12345'];

function validValue(rules: ValidationMetadata[]): unknown {
  const by = (name: string) => rules.find((r) => r.name === name);
  const each = rules.some((r) => r.each);
  let value: unknown = 'route walk';
  const length = by('isLength')?.constraints as [number, number] | undefined;
  if (length) value = 'route walk value'.padEnd(length[0], 'x').slice(0, Math.max(length[0], Math.min(length[1] ?? 16, 16)));
  if (by('isIn')) value = (by('isIn')!.constraints[0] as unknown[])[0];
  if (by('isUuid')) value = randomUUID();
  if (by('isEmail')) value = `walk-${randomUUID().slice(0, 8)}@example.org`;
  if (by('isInt') || by('isNumber') || by('min') || by('max')) value = (by('min')?.constraints[0] as number | undefined) ?? 1;
  if (by('isBoolean')) value = true;
  if (by('isDate') || by('isDateString') || by('isISO8601')) value = new Date().toISOString();
  if (by('matches')) value = MATCH_CANDIDATES.find((c) => (by('matches')!.constraints[0] as RegExp).test(c)) ?? 'route walk';
  return each ? [value] : value;
}

/** The DTO's fields, each with a value it accepts. */
export function dtoFields(dto: Type | null): DtoField[] {
  if (!dto) return [];
  const rules = getMetadataStorage().getTargetValidationMetadatas(dto, '', false, false);
  const names = [...new Set(rules.map((r) => r.propertyName))];
  return names.map((name) => {
    const own = rules.filter((r) => r.propertyName === name);
    return {
      name,
      optional: own.some((r) => r.name === 'isOptional'),
      valid: validValue(own.filter((r) => r.type === 'customValidation')),
    };
  });
}

import { z } from 'zod';
import { callerOf, problemSchema, requirePermission, type HttpServer } from '../../platform/http';
import type { AppDeps } from '../../platform/module';
import type { Department } from './departments.repository';
import { createDepartment, listDepartments, updateDepartment } from './departments.service';
import {
  createDepartmentBody,
  department,
  departmentCodeParams,
  departmentListQuery,
  updateDepartmentBody,
} from './identity.schemas';

const tags = ['departments'];

const present = (d: Department) => ({
  id: d.id,
  code: d.code,
  nameZh: d.nameZh,
  nameEn: d.nameEn,
  uscc: d.uscc,
  kind: d.kind,
  active: d.active,
});

export function registerDepartmentRoutes(app: HttpServer, deps: AppDeps): void {
  app.get(
    '/departments',
    {
      schema: {
        tags,
        summary: 'Departments of the district (public); inactive ones too with departments.manage',
        querystring: departmentListQuery,
        response: { 200: z.object({ items: z.array(department) }) },
      },
    },
    async (request) => {
      const includeInactive = request.query.includeInactive === true;
      if (includeInactive) requirePermission(request, 'departments.manage');
      return { items: (await listDepartments(deps.db.kysely, { includeInactive })).map(present) };
    },
  );

  app.post(
    '/departments',
    {
      schema: {
        tags,
        summary: 'Add a department (departments.manage)',
        body: createDepartmentBody,
        response: { 201: department, 400: problemSchema, 403: problemSchema, 409: problemSchema },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'departments.manage');
      const created = await createDepartment(deps.db, callerOf(request), request.body);
      return reply.status(201).send(present(created));
    },
  );

  app.patch(
    '/departments/:code',
    {
      schema: {
        tags,
        summary: 'Rename, re-code, deactivate or reactivate a department (departments.manage)',
        params: departmentCodeParams,
        body: updateDepartmentBody,
        response: { 200: department, 400: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      requirePermission(request, 'departments.manage');
      return present(await updateDepartment(deps.db, callerOf(request), request.params.code, request.body));
    },
  );
}

/**
 * Compile-time record (checked by `npm run typecheck`) of what the openapi-generator client can and cannot send.
 * Its generator renames `_id` to `id` and, reading the contract's `allOf`/`anyOf` userInfo, makes `id`, `emailId`
 * and `phoneNumber` ALL required: the seed sample (no phone) and a user identified only by `_id`, only by email or
 * only by phone do not type-check. Each `@ts-expect-error` below fails the typecheck the day that changes, so this
 * file and the suite's report (positive_data_acceptance) stay true. Nothing here runs.
 */
import type { CreateTaskRequest, CreateTaskUserInfo } from '../generated/openapi-generator-client/index.js';

const base = {
  caseId: 'ci-31d9184-d64d-42d9-8c75-5edba531xxxx',
  caseRefId: 'CS000131',
  taskTmp: 'ttm-16623a9-c63c-4bda-b1e4-14754939xxxx',
  source: 'rtm',
};

// The only user it can send as typed: every identifier at once.
export const allIdentifiers: CreateTaskRequest = {
  ...base,
  userInfo: { id: 'u-fd371c0a-3168-5a02-83dd-f4ba5597xxxx', name: 'dummy', emailId: 'dummy@mailinator.com', phoneNumber: '+14155550123' },
};

// @ts-expect-error the seed sample's user (_id, name, emailId; no phone) is refused: phoneNumber is required
export const seedSampleUser: CreateTaskUserInfo = { id: 'u-fd371c0a-3168-5a02-83dd-f4ba5597xxxx', name: 'dummy', emailId: 'dummy@mailinator.com' };
// @ts-expect-error a user identified only by email is refused: id and phoneNumber are required
export const emailOnly: CreateTaskUserInfo = { name: 'dummy', emailId: 'dummy@mailinator.com' };
// @ts-expect-error a user identified only by phone is refused: id and emailId are required
export const phoneOnly: CreateTaskUserInfo = { name: 'dummy', phoneNumber: '+14155550123' };
// @ts-expect-error a user identified only by _id is refused: emailId and phoneNumber are required
export const idOnly: CreateTaskUserInfo = { id: 'u-fd371c0a-3168-5a02-83dd-f4ba5597xxxx', name: 'dummy' };
export const underscoreId: CreateTaskUserInfo = {
  // @ts-expect-error the contract's own spelling `_id` is not a property of its type (renamed to `id`)
  _id: 'u-fd371c0a-3168-5a02-83dd-f4ba5597xxxx',
  name: 'dummy',
  emailId: 'a@b.co',
  phoneNumber: '+1',
};

export interface paths {
    "/caseManagement/api/public/analytics/{streamId}/createTask": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Bot (stream) identifier, `st-…`. Find it on the bot's General Settings page.
                 * @example st-084d3c5e-376a-559f-9987-a012bb2b51c7
                 */
                streamId: components["parameters"]["StreamId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a task
         * @description Creates a task in an existing case, from a task template, on behalf of a user.
         *
         *     The task is built from the template named by `taskTmp` (its fields, default priority and status "Open"),
         *     gets a fresh `ti-…` id and a `TS…` reference id, and is returned whole.
         *
         *     **Not idempotent.** Nothing documents an idempotency key: a create that is retried after the platform may
         *     have processed it can create a second task. Retry only when the request cannot have been processed
         *     (connection refused, 429, 503).
         *
         *     **Rate limit.** The case-management APIs share 60 requests per minute per account. Over it the platform
         *     answers "You've exceeded the per-minute rate limit…" (documented); here that is a 429 with `Retry-After`.
         */
        post: operations["createTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * StreamId
         * @description Bot (stream) identifier, opaque: `st-` and letters, digits or hyphens. Observed shape: a UUID: 8, 4, 4, 4 and 12 hexadecimal digits (page sample, last four digits masked: `st-084d3c5e-376a-559f-9987-a012bb2bxxxx`). Only the prefix and the character set are checked: treat the rest as opaque.
         * @example st-084d3c5e-376a-559f-9987-a012bb2b51c7
         */
        StreamId: string;
        /**
         * AccountId
         * @description Account identifier, opaque: letters and digits. Observed shape: 24 hexadecimal digits (page sample, last four digits masked: `6639f7bd58c97ffac03bxxxx`). Only the character set is checked: treat it as opaque.
         * @example 6639f7bd58c97ffac03b7e21
         */
        AccountId: string;
        /**
         * CaseId
         * @description Case identifier, opaque: `ci-` and letters, digits or hyphens. Observed shape: UUID-like groups of 7, 4, 4, 4 and 12 hexadecimal digits (page sample, last four digits masked: `ci-31d9184-d64d-42d9-8c75-5edba531xxxx`). Only the prefix and the character set are checked: treat the rest as opaque.
         * @example ci-31d9184-d64d-42d9-8c75-5edba5319e02
         */
        CaseId: string;
        /**
         * CaseRefId
         * @description The case's human reference id: `CS` and digits. Observed shape: `CS` and 6 zero-padded digits (sample: `CS000131`). It must be the reference id of the case named by `caseId`.
         * @example CS000131
         */
        CaseRefId: string;
        /**
         * TaskTemplateId
         * @description Task template identifier, opaque: `ttm-` and letters, digits or hyphens. Observed shape: UUID-like groups of 7, 4, 4, 4 and 12 hexadecimal digits (page sample, last four digits masked: `ttm-16623a9-c63c-4bda-b1e4-14754939xxxx`). Only the prefix and the character set are checked: treat the rest as opaque.
         * @example ttm-16623a9-c63c-4bda-b1e4-14754939c4a1
         */
        TaskTemplateId: string;
        /**
         * UserId
         * @description Platform user identifier, opaque: `u-` and letters, digits or hyphens. Observed shape: a UUID: 8, 4, 4, 4 and 12 hexadecimal digits (page sample, last four digits masked: `u-fd371c0a-3168-5a02-83dd-f4ba5597xxxx`). Only the prefix and the character set are checked: treat the rest as opaque.
         * @example u-fd371c0a-3168-5a02-83dd-f4ba55970d3e
         */
        UserId: string;
        /**
         * CreateTaskUserInfoBase
         * @description Fields of `userInfo` common to every way of identifying the user.
         */
        CreateTaskUserInfoBase: {
            /** @description Unique user identifier (`u-…`). Optional; without it, `emailId` or `phoneNumber` is mandatory. */
            _id?: components["schemas"]["UserId"];
            /**
             * @description The user's name.
             * @example dummy
             */
            name: string;
            /**
             * Format: email
             * @description The user's email address. Mandatory when `_id` is absent and `phoneNumber` is not given.
             * @example dummy@mailinator.com
             */
            emailId?: string;
            /**
             * @description The user's phone number. Mandatory when `_id` is absent and `emailId` is not given. The page gives no format; international form (`+` and digits) is the safe choice.
             * @example +14155550123
             */
            phoneNumber?: string;
        };
        /**
         * CreateTaskUserInfo
         * @description The user the task is created for. `name` is required; the user is identified by `_id`, or, without `_id`, by `emailId` or `phoneNumber` (at least one of the three must be present). Modelled as a base object and an `anyOf` of three branches that each declare their type, property and `required`, so that generated TypeScript types are the precise union `Base & ({_id} | {emailId} | {phoneNumber})` rather than `unknown`.
         */
        CreateTaskUserInfo: components["schemas"]["CreateTaskUserInfoBase"] & ({
            /** @description Platform user id (`u-…`). */
            _id: components["schemas"]["UserId"];
        } | {
            /**
             * Format: email
             * @description The user's email address.
             */
            emailId: string;
        } | {
            /** @description The user's phone number. */
            phoneNumber: string;
        });
        /**
         * CreateTaskRequest
         * @description The body of a create-task call, from the page's Request Body Parameters table and sample request. Unknown fields are not forbidden (the page does not say how they are treated).
         */
        CreateTaskRequest: {
            /** @description The case the task belongs to (`ci-…`). */
            caseId: components["schemas"]["CaseId"];
            /** @description The case's reference id (`CS…`); it must belong to `caseId`. */
            caseRefId: components["schemas"]["CaseRefId"];
            /** @description The task template the task is built from (`ttm-…`). */
            taskTmp: components["schemas"]["TaskTemplateId"];
            /**
             * @description Task name. Optional: the page marks it "conditional" without saying on what. The created task echoes it, and `lname` holds it lower-cased.
             * @example This is demo task
             */
            name?: string;
            /**
             * @description Task description. Optional: the page's table says "required", but its working sample request omits it (and its sample response has none); a working sample is stronger evidence than a table cell.
             * @example Call the customer back about the refund.
             */
            desc?: string;
            /**
             * @description Where the task comes from, for example `rtm` (the sample's value).
             * @example rtm
             */
            source: string;
            userInfo: components["schemas"]["CreateTaskUserInfo"];
        };
        /**
         * TaskId
         * @description Task identifier, opaque: `ti-` and letters, digits or hyphens. Observed shape: UUID-like groups of 7, 4, 4, 4 and 12 hexadecimal digits (page sample, last four digits masked: `ti-73acd32-0123-4114-9891-00a950aaxxxx`). Only the prefix and the character set are checked: treat the rest as opaque.
         * @example ti-73acd32-0123-4114-9891-00a950aa8c15
         */
        TaskId: string;
        /**
         * TaskUser
         * @description The user the task was created for, as stored. The sample returns `_id` and `name` only (the request's `emailId` is not echoed).
         */
        TaskUser: {
            /** @description Platform user id (`u-…`), when the user is known to the platform. */
            _id?: components["schemas"]["UserId"];
            /** @description The user's name. */
            name: string;
            /** @description The user's email address, when the platform returns it. */
            emailId?: string;
            /** @description The user's phone number, when the platform returns it. */
            phoneNumber?: string;
        };
        /**
         * OrgId
         * @description Organisation identifier, opaque: `o-` and letters, digits or hyphens. Observed shape: a UUID: 8, 4, 4, 4 and 12 hexadecimal digits (page sample, last four digits masked: `o-85e72576-06a6-5c0b-8844-25fa0cd6xxxx`). Only the prefix and the character set are checked: treat the rest as opaque.
         * @example o-85e72576-06a6-5c0b-8844-25fa0cd6a9b4
         */
        OrgId: string;
        /**
         * StatusId
         * @description Status identifier, opaque: `sts-` and letters, digits or hyphens. Observed shape: UUID-like groups of 7, 4, 4, 4 and 12 hexadecimal digits (page sample, last four digits masked: `sts-a3ed479-e945-4b59-a0c0-4369472axxxx`). Only the prefix and the character set are checked: treat the rest as opaque.
         * @example sts-a3ed479-e945-4b59-a0c0-4369472a61f0
         */
        StatusId: string;
        /**
         * TaskStatus
         * @description The task's status; a new task is `Open`.
         */
        TaskStatus: {
            /** @description Status id (`sts-…`). */
            _id: components["schemas"]["StatusId"];
            /**
             * @description Status name, for example `Open`.
             * @example Open
             */
            name: string;
            /**
             * @description The category the status belongs to, for example `open`.
             * @example open
             */
            statusCategory: string;
        };
        /**
         * FieldId
         * @description Custom field identifier, opaque: `fd-` and letters, digits or hyphens. Observed shape: UUID-like groups of 7, 4, 4, 4 and 12 hexadecimal digits (page sample, last four digits masked: `fd-0c85264-e40d-48b9-ab6a-896e09adxxxx`). Only the prefix and the character set are checked: treat the rest as opaque.
         * @example fd-0c85264-e40d-48b9-ab6a-896e09ad2b57
         */
        FieldId: string;
        /**
         * TaskFieldMetaData
         * @description How the field is rendered in forms.
         */
        TaskFieldMetaData: {
            /** @description The input widget, for example `datetime`, `textarea`, `input`. */
            type: string;
            /** @description The field's label. */
            displayName: string;
            /** @description The field's key, for example `dueDate`. */
            name: string;
            /** @description What the field holds. */
            description: string;
            /** @description Placeholder text of the input. */
            placeholder: string;
            /** @description Whether the field is read-only. */
            readOnly: boolean;
            /** @description Tooltip text of the input. */
            tooltipText: string;
        };
        /**
         * TaskField
         * @description A custom field of the task, copied from its template.
         */
        TaskField: {
            /** @description Field id (`fd-…`). */
            _id: components["schemas"]["FieldId"];
            /** @description Whether the field is shown. */
            show: boolean;
            /** @description The field's label. */
            displayName: string;
            /** @description The label in lower case. */
            lname: string;
            /** @description What the field holds. */
            desc: string;
            /** @description Whether the field is enabled. */
            isEnabled: boolean;
            /** @description Whether the field is active. */
            isActive: boolean;
            metaData: components["schemas"]["TaskFieldMetaData"];
            /**
             * @description Who defined the field, for example `system`.
             * @example system
             */
            type: string;
            /** @description Whether a value is required. */
            required: boolean;
            /**
             * @description The value's kind, for example `datetime`, `textarea`, `input`.
             * @example datetime
             */
            dataType: string;
        };
        /**
         * Assignee
         * @description A person on the task (`currAssignee`, `participants`). Empty (`{}`) while the task is unassigned, which is how it is created, so no field is required.
         */
        Assignee: {
            /** @description Platform user id (`u-…`). */
            _id?: components["schemas"]["UserId"];
            /** @description The user's display name. */
            name?: string;
            /** @description Profile image reference. */
            profImage?: string;
        };
        /**
         * PriorityId
         * @description Priority identifier, opaque: `pr-` and letters, digits or hyphens. Observed shape: UUID-like groups of 7, 4, 4, 4 and 12 hexadecimal digits (page sample, last four digits masked: `pr-cad98ea-d89c-489b-acc7-e86341e5xxxx`). Only the prefix and the character set are checked: treat the rest as opaque.
         * @example pr-cad98ea-d89c-489b-acc7-e86341e5d418
         */
        PriorityId: string;
        /**
         * TaskPriority
         * @description The task's priority, the template's default on creation.
         */
        TaskPriority: {
            /** @description Priority id (`pr-…`). */
            _id: components["schemas"]["PriorityId"];
            /**
             * @description Priority name, for example `Medium`.
             * @example Medium
             */
            name: string;
            /**
             * @description Display colour, `#RRGGBB`.
             * @example #16A34A
             */
            color: string;
            /**
             * @description Ordering score of the priority.
             * @example 10
             */
            score: number;
        };
        /**
         * TaskRefId
         * @description The task's human reference id: `TS` and digits. Observed shape: `TS` and a 6-digit zero-padded sequence number that grows per bot (sample: `TS000102`).
         * @example TS000102
         */
        TaskRefId: string;
        /**
         * UndocumentedObject
         * @description An object whose fields the page does not document (it only shows empty lists of them). Any fields are allowed.
         */
        UndocumentedObject: {
            [key: string]: unknown;
        };
        /**
         * Actor
         * @description A platform user who acted on the task (`createdBy`, `updatedBy`): the owner of the JWT's app.
         */
        Actor: {
            /** @description Platform user id (`u-…`). */
            _id: components["schemas"]["UserId"];
            /** @description The user's display name. */
            name: string;
            /**
             * @description Profile image reference; `no-avatar` when the user has none.
             * @example no-avatar
             */
            profImage: string;
        };
        /**
         * Task
         * @description A created task, as the platform returns it. Every field of the page's sample response is declared with its type and is required: a field that disappears is a breaking change. Unknown fields are allowed: a new field must not break a client.
         */
        Task: {
            /** @description The task's id (`ti-…`). */
            _id: components["schemas"]["TaskId"];
            /** @description The case the task belongs to, as sent. */
            caseId: components["schemas"]["CaseId"];
            /** @description The case's reference id, as sent. */
            caseRefId: components["schemas"]["CaseRefId"];
            /** @description The task template the task was built from. The sample shows `jbhk`, not the `ttm-…` id it was sent: no id pattern is imposed. */
            taskTmp: string;
            /** @description The task's name. */
            name: string;
            /** @description The task's name in lower case (used for search). */
            lname: string;
            /** @description The task's description, when one was sent (absent from the page's sample). */
            desc?: string;
            /** @description Tags on the task; empty on creation. */
            tags: string[];
            userInfo: components["schemas"]["TaskUser"];
            /** @description Ids of the sessions linked to the task; empty on creation. */
            sessIds: string[];
            /** @description The account the task belongs to. The sample shows the placeholder `{{accountId}}`, so no pattern is imposed. */
            accountId: string;
            /** @description The bot (stream) the task belongs to (the path's `streamId`). */
            iId: components["schemas"]["StreamId"];
            /** @description The organisation that owns the bot. */
            orgId: components["schemas"]["OrgId"];
            /** @description Ids of the conversations linked to the task; empty on creation. */
            convIds: string[];
            status: components["schemas"]["TaskStatus"];
            /** @description The source sent in the request (for example `rtm`). */
            source: string;
            /**
             * @description Always `TASK` for a task (cases share the same store).
             * @constant
             */
            conversationType: "TASK";
            /** @description The custom fields the task template defines. */
            fields: components["schemas"]["TaskField"][];
            /** @description People taking part in the task; empty on creation. */
            participants: components["schemas"]["Assignee"][];
            priority: components["schemas"]["TaskPriority"];
            /** @description The task's human reference id (`TS…`), which grows per bot. */
            refId: components["schemas"]["TaskRefId"];
            /**
             * @description Who the task is assigned to; `unassigned` on creation.
             * @example unassigned
             */
            assigneeType: string;
            /** @description Whether the task is a custom task. */
            isCustTsk: boolean;
            /** @description Whether the task is active. */
            isActive: boolean;
            /** @description Attachments; empty on creation. The page shows no item, so their fields are not documented. */
            attachments: components["schemas"]["UndocumentedObject"][];
            /** @description Feedback entries; empty on creation. The page shows no item, so their fields are not documented. */
            feedback: components["schemas"]["UndocumentedObject"][];
            createdBy: components["schemas"]["Actor"];
            updatedBy: components["schemas"]["Actor"];
            /**
             * Format: int64
             * @description Creation time in milliseconds since the Unix epoch.
             * @example 1749032280681
             */
            timestampValue: number;
            /** @description Ids of the task's activity entries; empty on creation. */
            activityIds: string[];
            /** @description Ids of the task's comments; empty on creation. */
            commentIds: string[];
            /** @description Resolution comments; empty on creation. The page shows no item, so their fields are not documented. */
            resolutionCmts: components["schemas"]["UndocumentedObject"][];
            /** @description Whether the task has breached its service-level target. */
            isBreached: boolean;
            /** @description Ids of the queues the task is routed to; empty on creation. */
            queues: string[];
            /** @description Channels of the task; empty on creation. */
            channel: string[];
            /**
             * Format: date-time
             * @description When the task was created.
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description When the task was last updated; equal to `createdAt` on creation.
             */
            updatedAt: string;
            currAssignee: components["schemas"]["Assignee"];
            /** @description Estimated completion; an empty string on creation. The page gives no format for a set value. */
            ETA: string;
        };
        /**
         * ErrorItem
         * @description One problem.
         */
        ErrorItem: {
            /** @description What went wrong, for a person; names the field when a field is at fault. */
            msg: string;
            /** @description The platform's error code (not the HTTP status), for example 4002 for an invalid token. */
            code: number;
        };
        /**
         * ErrorEnvelope
         * @description The error body of every 4xx and 5xx answer: a list of problems, each with a human-readable `msg` and a platform
         *     `code` that is not the HTTP status (a missing, invalid or wrong-scope token: 401 with code 4002). One platform
         *     page spells the message `message`; `msg` is what the APIs send.
         */
        ErrorEnvelope: {
            /** @description One entry per problem found (an invalid body lists every invalid field). */
            errors: components["schemas"]["ErrorItem"][];
        };
    };
    responses: {
        /** @description Invalid input: a required field is missing, a field has the wrong type or format, the user has no identifier, or the body is not JSON. Every problem is listed, each naming its field. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The `auth` header is missing, or its JWT is malformed, wrongly signed, expired, replayed, or from an app without the Case Management Configuration scope: 401 with platform code 4002 for all of these. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The app behind the JWT may not act on this bot. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The bot (`streamId`), case or task template does not exist. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The body is larger than the service accepts. The page gives no limit; the reference sandbox takes 1 MiB. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The body is not sent as `application/json`, the page's only content type. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Over the rate limit: 60 requests per minute per account, shared by the case-management APIs. The task was not created; retry after `Retry-After` seconds. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The platform failed. The task may or may not have been created: do not retry blindly (the operation is not idempotent). */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The platform is temporarily unavailable; the task was not created. Retry later, after `Retry-After` when given. */
        ServiceUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfterOptional"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
    };
    parameters: {
        /**
         * @description Bot (stream) identifier, `st-…`. Find it on the bot's General Settings page.
         * @example st-084d3c5e-376a-559f-9987-a012bb2b51c7
         */
        StreamId: components["schemas"]["StreamId"];
        /**
         * @description The account the request acts for. Optional, as the page's header table says. The table spells it `accountId`, the curl sample `AccountId`: HTTP header names are case-insensitive, so both are this one header.
         * @example 6639f7bd58c97ffac03b7e21
         */
        AccountId: components["schemas"]["AccountId"];
    };
    requestBodies: never;
    headers: {
        /**
         * @description Seconds to wait before retrying.
         * @example 30
         */
        RetryAfter: number;
        /**
         * @description Seconds to wait before retrying, when the platform knows.
         * @example 5
         */
        RetryAfterOptional: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createTask: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The account the request acts for. Optional, as the page's header table says. The table spells it `accountId`, the curl sample `AccountId`: HTTP header names are case-insensitive, so both are this one header.
                 * @example 6639f7bd58c97ffac03b7e21
                 */
                accountId?: components["parameters"]["AccountId"];
            };
            path: {
                /**
                 * @description Bot (stream) identifier, `st-…`. Find it on the bot's General Settings page.
                 * @example st-084d3c5e-376a-559f-9987-a012bb2b51c7
                 */
                streamId: components["parameters"]["StreamId"];
            };
            cookie?: never;
        };
        /** @description The task to create and the user it is created for. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTaskRequest"];
            };
        };
        responses: {
            /** @description The task was created. Unknown fields may appear in later versions of the platform; ignore them. The body is the page's sample response; the status 200 is assumed (the page shows none), so accept any 2xx. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}

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
    "/caseManagement/api/public/analytics/{streamId}/getTasks": {
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
         * List tasks
         * @description Lists the bot's tasks, a page at a time, filtered by status, priority, assignment, channel and dates, and sorted
         *     as the body asks (every filter is optional). A POST, although it changes nothing: it reads.
         *
         *     **Rate limit.** The case-management APIs share 60 requests per minute per account (documented); here that is
         *     a 429 with `Retry-After`.
         */
        post: operations["getTasks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/caseManagement/api/public/analytics/{streamId}/updateTask/{taskId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Bot (stream) identifier, `st-…`. Find it on the bot's General Settings page.
                 * @example st-084d3c5e-376a-559f-9987-a012bb2b51c7
                 */
                streamId: components["parameters"]["StreamId"];
                /**
                 * @description The task to update (`ti-…`), as createTask or getTasks returned it in `_id`. Page samples (masked): `ti-73acd32-0123-4114-9891-00a950aaxxxx`; the current page masks it as `ti-73acd32-0123-xxxx-9891-00a950xxxxxx`.
                 * @example ti-73acd32-0123-4114-9891-00a950aa8c15
                 */
                taskId: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Update a task
         * @description Changes the fields of an existing task that the body sends (every field is optional) and returns the task.
         *
         *     **Rate limit.** The case-management APIs share 60 requests per minute per account (documented); here that is
         *     a 429 with `Retry-After`.
         */
        post: operations["updateTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/caseManagement/api/public/analytics/{streamId}/createCase": {
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
         * Create a case
         * @description Creates a case from a case template, for a customer identified by `userInfo._id`, `emailId` or `phoneNumber`.
         *     The case gets a fresh `ci-…` id and a `CS…` reference id, and is returned whole; add tasks to it with createTask.
         *
         *     **Not idempotent.** Nothing documents an idempotency key: a retried create can create a second case.
         *
         *     **Rate limit.** The case-management APIs share 60 requests per minute per account (documented); here that is
         *     a 429 with `Retry-After`.
         */
        post: operations["createCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/caseManagement/api/public/analytics/{streamId}/getCases": {
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
         * List cases
         * @description Lists the bot's cases, a page at a time, filtered and sorted as the body asks (every filter is optional). A POST,
         *     although it changes nothing: it reads.
         *
         *     **Rate limit.** The case-management APIs share 60 requests per minute per account (documented); here that is
         *     a 429 with `Retry-After`.
         */
        post: operations["getCases"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/caseManagement/api/public/analytics/{streamId}/updateCase/{caseId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Bot (stream) identifier, `st-…`. Find it on the bot's General Settings page.
                 * @example st-084d3c5e-376a-559f-9987-a012bb2b51c7
                 */
                streamId: components["parameters"]["StreamId"];
                /**
                 * @description The case to update (`ci-…`), as createCase or getCases returned it in `_id`. Page sample (masked): `ci-b4eaa6e-b3d9-4bb3-ae54-bb043b4axxxx`.
                 * @example ci-b4eaa6e-b3d9-4bb3-ae54-bb043b4a61c7
                 */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Update a case
         * @description Changes the fields of an existing case that the body sends (every field is optional) and returns the case.
         *
         *     **Rate limit.** The case-management APIs share 60 requests per minute per account (documented); here that is
         *     a 429 with `Retry-After`.
         */
        post: operations["updateCase"];
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
            /** @description What went wrong, for a person; starts with the field when a field is at fault (`caseId is required`). */
            msg: string;
            /**
             * @description The platform's error code, not the HTTP status. A token problem (401) is 4002, as observed on the platform. Every other code is inferred: 4000 + (status − 400) for a 4xx and 5000 + (status − 500) for a 5xx (400 → 4000, 404 → 4004, 415 → 4015, 429 → 4029, 500 → 5000). Compare codes, not messages: messages are for people.
             * @example 4002
             * @example 4000
             */
            code: number;
        };
        /**
         * ErrorEnvelope
         * @description The error body of every 4xx and 5xx answer: a list of problems, each with a human-readable `msg` and a platform
         *     `code` that is not the HTTP status (a missing, invalid or wrong-scope token: 401 with code 4002; any other
         *     refusal: 4000 + (status − 400), a failure 5000 + (status − 500), a rule inferred, not observed). One platform
         *     page spells the message `message`; `msg` is what the APIs send.
         */
        ErrorEnvelope: {
            /** @description One entry per problem found (an invalid body lists every invalid field). */
            errors: components["schemas"]["ErrorItem"][];
        };
        /**
         * SortBy
         * @description The sort order of a list. The tables type `sortBy` as a String (a field name, for example `createdDate`); the getTasks sample sends an object of field and direction (`{"dueDate": "desc"}`). Both forms are accepted (`anyOf`: the two are disjoint; openapi-generator cannot compile a `oneOf` with a string branch); only `desc` appears in a sample, `asc` is assumed.
         */
        SortBy: string | {
            [key: string]: "asc" | "desc";
        };
        /**
         * ListFilter
         * @description The filters the getCases and getTasks tables document (identical tables, every field optional). The tables' example values (`high`, `new`, `email`) do not match the values in the data (`Medium`, `Open`, `rtm`): the lists take the platform's names as they appear in responses. Unknown fields are not forbidden.
         */
        ListFilter: {
            /** @description Text matched against the name. */
            searchText?: string;
            /** @description Only items not yet resolved. */
            unresolved?: boolean;
            /** @description Only unassigned items. */
            unassigned?: boolean;
            /** @description Only items assigned to the caller (the tables' name; getTasks' sample sends `mytask`). */
            mycase?: boolean;
            /** @description Priority names, for example `Critical`. */
            priority?: string[];
            /** @description Status names, for example `In-Progress`. */
            status?: string[];
            /** @description Channels, for example `rtm`. */
            channel?: string[];
            /** @description Queue names, for example `SupportQueue1`. */
            queues?: string[];
            /**
             * Format: date-time
             * @description Start of the date range, ISO 8601.
             */
            startDate?: string;
            /**
             * Format: date-time
             * @description End of the date range, ISO 8601.
             */
            endDate?: string;
            sortBy?: components["schemas"]["SortBy"];
            /**
             * Format: date-time
             * @description Exact due date to match, ISO 8601 (a filter: a string here, unlike the case's own `dueDate` in milliseconds).
             */
            dueDate?: string;
        };
        /**
         * GetTasksRequest
         * @description The body of a get-tasks call: the documented filters, every one optional, and what the page's sample adds to its table (paging with `skip` and `limit`, `mytask`, and four lists the page does not explain).
         */
        GetTasksRequest: components["schemas"]["ListFilter"] & {
            /** @description How many tasks to skip (paging; in the sample, not in the table). */
            skip?: number;
            /** @description Page size wanted (in the sample, not in the table). The platform may apply another: the sample asks for 50 and the answer reports 10. */
            limit?: number;
            /** @description Only tasks assigned to the caller. The sample's name for the table's `mycase`; both are accepted, and `mytask` is the one a working request sent. */
            mytask?: boolean;
            /** @description Columns to return; empty in the sample, so their form is not documented. */
            selectedColumns?: unknown[];
            /** @description Agents to filter by; empty in the sample, so their form is not documented. */
            agents?: unknown[];
            /** @description Custom-field filters; empty in the sample, so their form is not documented. */
            customFields?: unknown[];
            /** @description ETA filters; empty in the sample, so their form is not documented. */
            ETAlist?: unknown[];
        };
        /**
         * Page
         * @description One page of a list (getCases, getTasks). The list operations set the type of `results`. The pages document the envelope only by their samples; the request's `limit` need not be echoed (getTasks' sample asks for 50 and reports 10).
         */
        Page: {
            /** @description The items of this page. */
            results: unknown[];
            /** @description The page number, from 1. */
            page: number;
            /** @description The page size the platform applied. */
            limit: number;
            /** @description Whether more pages follow. */
            hasMore: boolean;
            /** @description The number of pages. */
            totalPages: number;
            /** @description The number of matching items on all pages. */
            totalResults: number;
        };
        /**
         * Status
         * @description A case's or task's status. Full objects carry `_id`, `name` and `statusCategory` (new cases and tasks are `Open`, category `open`); list samples and older pages add `lname`, `type`, `desc`, `isEnabled` and `isActive`, and the getTasks page abridges it to `name` and `statusCategory`. Only `name` is in every sample, so only it is required.
         */
        Status: {
            /** @description Status id (`sts-…`). */
            _id?: components["schemas"]["StatusId"];
            /**
             * @description The status's display name, for example `Open`.
             * @example Open
             */
            name: string;
            /** @description The name in lower case. */
            lname?: string;
            /**
             * @description The category the status belongs to, for example `open`.
             * @example open
             */
            statusCategory?: string;
            /** @description Who defined the status, for example `system`. */
            type?: string;
            /** @description What the status means, for example "When a new case/task is created". */
            desc?: string;
            /** @description Whether the status is enabled. */
            isEnabled?: boolean;
            /** @description Whether the status is active. */
            isActive?: boolean;
        };
        /**
         * FieldMetaData
         * @description How a field is rendered in forms: the seven keys every system field has, plus the keys custom fields carry (the older updateCase page's sample shows a dropdown and an input field).
         */
        FieldMetaData: components["schemas"]["TaskFieldMetaData"] & {
            /** @description The choices of a dropdown; empty in the only sample, so their shape is not documented. */
            values?: unknown[];
            /** @description The default value; empty in the samples. */
            value?: string;
            /** @description Whether several values may be chosen. */
            isMulti?: boolean;
            /** @description Whether the field is visible. */
            isVisible?: boolean;
            /** @description The message shown when validation fails. */
            defaultErrorMsg?: string;
            /** @description When the input is validated, for example `blur`. */
            validateOn?: string;
            /** @description Validation rules; empty in the only sample, so their shape is not documented. */
            validationRules?: unknown[];
        };
        /**
         * Field
         * @description A system or custom field of a case or task, copied from its template, with the value it holds (`selectedValue`). `desc` and `dataType` are missing from some samples (custom fields, getCases' fields), so they are optional.
         */
        Field: {
            /** @description Field id (`fd-…`). */
            _id: components["schemas"]["FieldId"];
            /** @description Whether the field is shown. */
            show: boolean;
            /** @description The field's label, for example `Due Date`. */
            displayName: string;
            /** @description The label in lower case. */
            lname: string;
            /** @description What the field holds. */
            desc?: string;
            /** @description Whether the field is enabled. */
            isEnabled: boolean;
            /** @description Whether the field is active. */
            isActive: boolean;
            metaData: components["schemas"]["FieldMetaData"];
            /**
             * @description Who defined the field, `system` or `custom`.
             * @example custom
             */
            type: string;
            /** @description Whether a value is required. */
            required: boolean;
            /**
             * @description The value's kind, for example `datetime`, `textarea`, `input`, `dropdown`.
             * @example dropdown
             */
            dataType?: string;
            /** @description The field's value as text (a date is an ISO 8601 string); `""` when empty. The createCase sample shows `""` for the Description field although the request sent `desc`. */
            selectedValue?: string;
        };
        /**
         * AgentId
         * @description Agent identifier, opaque: `a-` and letters, digits or hyphens. Observed shape: UUID-like groups of 7, 4, 4, 4 and 12 hexadecimal digits (page sample, last four digits masked: `a-005c549-c9a4-441e-adc2-781a3a01xxxx`). An agent is also a platform user: its user id is the `agentId` beside it. Only the prefix and the character set are checked.
         * @example a-005c549-c9a4-441e-adc2-781a3a01xxxx
         */
        AgentId: string;
        /**
         * CurrentAssignee
         * @description The agent a case or task is assigned to: `{}` while it is unassigned, so no field is required.
         */
        CurrentAssignee: {
            /** @description The agent's id (`a-…`). */
            aId?: components["schemas"]["AgentId"];
            /** @description The agent's platform user id (`u-…`). */
            agentId?: components["schemas"]["UserId"];
            /** @description The agent's display name. */
            name?: string;
        };
        /**
         * Participant
         * @description An agent taking part in a case or task, and since when.
         */
        Participant: components["schemas"]["CurrentAssignee"] & {
            /**
             * @description The participation's state, for example `ACTIVE`.
             * @example ACTIVE
             */
            pStatus: string;
            /**
             * Format: date-time
             * @description When the agent was assigned.
             */
            assignedAt: string;
        };
        /**
         * QueueId
         * @description Queue identifier, opaque: `qu-` and letters, digits or hyphens. Observed shape: UUID-like groups of 7, 4, 4, 4 and 12 hexadecimal digits (older updateCase page's sample, last four digits masked: `qu-0d1624a-8682-415c-8bbd-16d2299cxxxx`). Only the prefix and the character set are checked.
         * @example qu-0d1624a-8682-415c-8bbd-16d2299cxxxx
         */
        QueueId: string;
        /**
         * QueueRef
         * @description A queue, by id and name (`currQueue`).
         */
        QueueRef: {
            /** @description Queue id (`qu-…`). */
            _id: components["schemas"]["QueueId"];
            /** @description The queue's name, for example `Default Queue`. */
            name: string;
        };
        /**
         * QueueEntry
         * @description A queue the case or task was routed to, and how (`queues`).
         */
        QueueEntry: components["schemas"]["QueueRef"] & {
            /** @description How the item is in the queue, for example `ASSIGNED`. */
            type: string;
            /** @description The routing's state, for example `ACTIVE`. */
            status: string;
            /**
             * Format: date-time
             * @description When the item entered the queue.
             */
            startTime: string;
        };
        /**
         * Priority
         * @description A case's or task's priority. Full objects carry `_id`, `name`, `color` and `score`; list samples and older pages add `lname`, `type`, `desc`, `isEnabled` and `isActive`; the getTasks page abridges it to `name` and `color`, the updateCase page to `_id`, `name` and `desc`. Only `name` is in every sample, so only it is required.
         */
        Priority: {
            /** @description Priority id (`pr-…`). */
            _id?: components["schemas"]["PriorityId"];
            /**
             * @description The priority's display name, for example `Medium`.
             * @example Medium
             */
            name: string;
            /** @description The name in lower case. */
            lname?: string;
            /** @description Who defined the priority, for example `system`. */
            type?: string;
            /** @description What the priority means, for example "Moderate urgency". */
            desc?: string;
            /**
             * @description Display colour, `#RRGGBB`.
             * @example #16A34A
             */
            color?: string;
            /** @description Whether the priority is enabled. */
            isEnabled?: boolean;
            /** @description Whether the priority is active. */
            isActive?: boolean;
            /**
             * @description Ordering score of the priority (`10` for `Medium`).
             * @example 10
             */
            score?: number;
        };
        /**
         * WorkItem
         * @description The fields cases and tasks share (the platform keeps both in one store: `conversationType` tells them apart). No field is required here: `Case` and `TaskRecord` say which ones every sample shows, and the update bodies are partial. Unknown fields are allowed (a new field must not break a client).
         */
        WorkItem: {
            /** @description The item's name (a case's title, a task's name). */
            name?: string;
            /** @description The name in lower case (used for search). */
            lname?: string;
            /** @description The item's description. */
            desc?: string;
            /** @description Tags; empty in every sample. */
            tags?: string[];
            /** @description The customer the item is for, as stored: `_id`, `name` and, for cases, `emailId` (createCase's top-level `emailId` comes back here). */
            userInfo?: components["schemas"]["TaskUser"];
            /** @description Ids of linked sessions. */
            sessIds?: string[];
            /** @description The account the item belongs to. The samples show the placeholder `{{accountId}}` or a masked id, so no pattern is imposed. */
            accountId?: string;
            /** @description The bot (stream) the item belongs to. The update tables call it `lid` ("stream, instance or session ID"); every sample says `iId`, so this contract reads `lid` as a misspelling of `iId`. */
            iId?: components["schemas"]["StreamId"];
            /** @description The organisation that owns the bot. */
            orgId?: components["schemas"]["OrgId"];
            /** @description Ids of linked conversations. */
            convIds?: string[];
            status?: components["schemas"]["Status"];
            /** @description The item's language code: `en` in every sample, although the update tables give `english` as the example. A plain string. */
            language?: string;
            /** @description Where the item comes from, `rtm` or an email instance id (`emailInst-…`). */
            source?: string;
            /**
             * @description `CASE` or `TASK` in every sample; the updateCase table's "expected value `case`" is in lower case. A plain string here (no enum), so that neither spelling is refused in an update.
             * @example CASE
             */
            conversationType?: string;
            /** @description The template's system and custom fields, with their values. */
            fields?: components["schemas"]["Field"][];
            /** @description Agents taking part. */
            participants?: components["schemas"]["Participant"][];
            /** @description The queues the item was routed to, as objects (older updateCase page). The list pages' `queues` filter takes queue names instead. */
            queues?: components["schemas"]["QueueEntry"][];
            priority?: components["schemas"]["Priority"];
            /**
             * @description The human reference id: `CS…` for a case, `TS…` for a task. The samples mask some (`CS00xxxx`), so no pattern is imposed.
             * @example CS000100
             */
            refId?: string;
            /**
             * @description How the item is assigned, for example `unassigned`, `agent` or `queues`.
             * @example unassigned
             */
            assigneeType?: string;
            /** @description Whether the item is active. */
            isActive?: boolean;
            /** @description Attachments; empty in every sample, so their fields are not documented. */
            attachments?: components["schemas"]["UndocumentedObject"][];
            /** @description Feedback entries; empty in every sample, so their fields are not documented. */
            feedback?: components["schemas"]["UndocumentedObject"][];
            createdBy?: components["schemas"]["Actor"];
            updatedBy?: components["schemas"]["Actor"];
            /**
             * Format: int64
             * @description Change-tracking time, in milliseconds since the Unix epoch.
             * @example 1748947919675
             */
            timestampValue?: number;
            /** @description Ids of activity entries. */
            activityIds?: string[];
            /** @description Ids of comments. */
            commentIds?: string[];
            /** @description Resolution comments; empty in every sample, so their fields are not documented. */
            resolutionCmts?: components["schemas"]["UndocumentedObject"][];
            /**
             * Format: int64
             * @description The due date in milliseconds since the Unix epoch, as the update tables and the getCases sample have it. createCase alone takes it as an ISO 8601 string (see `CreateCaseRequest`); the created case reports it in `ETA`.
             * @example 1748491380000
             */
            dueDate?: number;
            /** @description Whether the item has breached its service-level target. */
            isBreached?: boolean;
            /** @description Channels of the item, for example `chat`, `email`. */
            channel?: string[];
            /**
             * Format: date-time
             * @description When the item was created.
             */
            createdAt?: string;
            /**
             * Format: date-time
             * @description When the item was last updated.
             */
            updatedAt?: string;
            currAssignee?: components["schemas"]["CurrentAssignee"];
            /**
             * @description Estimated resolution: an ISO 8601 date-time, or `""` when there is none (so no `format`). The createCase sample answers a `dueDate` of 2026-09-04 with an ETA in 2025: the year is the page's, not a rule.
             * @example 2025-09-04T14:15:00.000Z
             */
            ETA?: string;
        };
        /**
         * TaskFields
         * @description A task's own fields, beside the `WorkItem` fields cases and tasks share; none required. `TaskRecord` and `UpdateTaskRequest` combine the two.
         */
        TaskFields: {
            /** @description The task's id (`ti-…`). */
            _id?: components["schemas"]["TaskId"];
            /** @description The case the task belongs to (`ci-…`). */
            caseId?: components["schemas"]["CaseId"];
            /** @description The case's reference id (`CS…`). The updateTask sample masks it (`CS00xxxx`), so no pattern is imposed. */
            caseRefId?: string;
            /** @description The task template. createTask sends its id (`ttm-…`); responses return its name (`jbhk`), so no id pattern is imposed here. */
            taskTmp?: string;
            /** @description Whether the task is a custom task. */
            isCustTsk?: boolean;
        };
        /**
         * TaskRecord
         * @description A task, as getTasks and updateTask return it. Every field of the pages' samples (current and older) is declared with its type. Required are the fields every task sample shows: both pages abridge their samples (getTasks to eight fields, updateTask to nine), so the others are optional. Unknown fields are allowed. (createTask's answer is `Task`, whose fields are all required.)
         */
        TaskRecord: WithRequired<components["schemas"]["WorkItem"], "name"> & WithRequired<components["schemas"]["TaskFields"], "_id" | "caseId" | "caseRefId">;
        /**
         * TaskPage
         * @description A page of tasks (getTasks).
         */
        TaskPage: components["schemas"]["Page"] & {
            /** @description The tasks of this page. The current page shows eight fields of each; the older page full tasks. */
            results?: components["schemas"]["TaskRecord"][];
        };
        /**
         * UpdateTaskRequest
         * @description The body of an update-task call: a partial task, every field optional. The page's table is the updateCase table reworded (it lists the case-only `caseTmp`, `taskIds` and `supportCustomTasks`, and omits `caseId`, `caseRefId`, `taskTmp` and `isCustTsk`): this contract declares the task's own fields instead. Unknown fields are not forbidden, so a body that follows the table is not refused by the contract.
         */
        UpdateTaskRequest: components["schemas"]["WorkItem"] & components["schemas"]["TaskFields"];
        /**
         * CaseTemplateId
         * @description Case template identifier, opaque: `ctm-` and letters, digits or hyphens. Observed shape: UUID-like groups of 7, 4, 4, 4 and 12 hexadecimal digits (page sample, last four digits masked: `ctm-d4e6152-4255-4c5c-ba6c-91dac5cdxxxx`). Only the prefix and the character set are checked: treat the rest as opaque.
         * @example ctm-d4e6152-4255-4c5c-ba6c-91dac5cdxxxx
         */
        CaseTemplateId: string;
        /**
         * CreateCaseUserInfo
         * @description The customer the case is for. Both fields are optional here (the table says so; createTask requires the name). The contact fields `emailId` and `phoneNumber` are not in it but beside it, top-level.
         */
        CreateCaseUserInfo: {
            /** @description Platform user id (`u-…`); without it, top-level `emailId` or `phoneNumber` is mandatory. */
            _id?: components["schemas"]["UserId"];
            /**
             * @description The customer's name.
             * @example John
             */
            name?: string;
        };
        /**
         * CreateCaseRequestBase
         * @description The fields of a create-case body, whichever way the customer is identified.
         */
        CreateCaseRequestBase: {
            /** @description The case template the case is built from (`ctm-…`). */
            caseTmp: components["schemas"]["CaseTemplateId"];
            /**
             * @description The case's name or title.
             * @example This is demo case
             */
            name: string;
            /**
             * @description The case's description. Required, as the table says (the sample sends it).
             * @example Demo case
             */
            desc: string;
            userInfo: components["schemas"]["CreateCaseUserInfo"];
            /**
             * Format: email
             * @description The customer's email address, **top-level** here (createTask has it inside `userInfo`; the created case returns it inside `userInfo`). The table says "Required" and "mandatory if `userInfo._id` isn't present": required only without `userInfo._id` (see `CreateCaseRequest`).
             * @example john.doe@example.com
             */
            emailId?: string;
            /** @description The customer's phone number, top-level like `emailId` and required on the same condition. The page gives no format (its sample is masked: `902398xxxx`). */
            phoneNumber?: string;
            /**
             * @description Where the case comes from, for example `rtm`.
             * @example rtm
             */
            source: string;
            /**
             * Format: date-time
             * @description The case's due date as an ISO 8601 string, as the table ("String") and the sample have it here. Updates and responses carry `dueDate` as milliseconds since the epoch instead (see `WorkItem.dueDate`).
             * @example 2026-09-04T14:15:00.000Z
             */
            dueDate: string;
        };
        /**
         * CreateCaseRequest
         * @description The body of a create-case call. The table marks `emailId` and `phoneNumber` "Required" but says each is mandatory only without `userInfo._id`: the customer is identified by `userInfo._id`, top-level `emailId` or top-level `phoneNumber` (at least one), modelled as typed `anyOf` branches so generated types stay precise. Unknown fields are not forbidden.
         */
        CreateCaseRequest: components["schemas"]["CreateCaseRequestBase"] & ({
            /** @description The customer, with `_id`. */
            userInfo: {
                /** @description Platform user id (`u-…`). */
                _id: components["schemas"]["UserId"];
            };
        } | {
            /**
             * Format: email
             * @description The customer's email address.
             */
            emailId: string;
        } | {
            /** @description The customer's phone number. */
            phoneNumber: string;
        });
        /**
         * CaseFields
         * @description A case's own fields, beside the `WorkItem` fields cases and tasks share; none required. `Case` and `UpdateCaseRequest` combine the two.
         */
        CaseFields: {
            /** @description The case's id (`ci-…`). */
            _id?: components["schemas"]["CaseId"];
            /** @description The case template. Requests send its id (`ctm-…`); responses return its name (`Sales`, `one`, `CaseTemplate1`), so no id pattern is imposed here. */
            caseTmp?: string;
            /** @description The case's tasks; empty in every sample, so their shape is not documented. */
            tasks?: unknown[];
            /** @description Ids of the case's tasks. */
            taskIds?: components["schemas"]["TaskId"][];
            /** @description Whether the case supports custom tasks. */
            supportCustomTasks?: boolean;
            /** @description The queue the case is currently in, when it is routed to one. */
            currQueue?: components["schemas"]["QueueRef"];
        };
        /**
         * Case
         * @description A case, as createCase, getCases and updateCase return it. Every field of the pages' samples (current and older) is declared with its type. Required are the fields every case sample shows: updateCase's page abridges its sample to fourteen fields, so the others are optional. Unknown fields are allowed: a case also carries one key per custom field, named after the field (`"new field": {"id", "displayName", "lname", "selectedValue"}` in the older updateCase sample), which no schema can name in advance.
         */
        Case: WithRequired<components["schemas"]["WorkItem"], "name" | "lname" | "userInfo" | "accountId" | "status" | "priority" | "refId" | "assigneeType" | "isActive" | "createdAt" | "updatedAt" | "ETA"> & WithRequired<components["schemas"]["CaseFields"], "_id" | "caseTmp">;
        /**
         * GetCasesRequest
         * @description The body of a get-cases call: the documented filters, every one optional. The page's only sample sends `{"name": "Testing"}`, a key its table does not list: `name` is declared too. No paging input is documented for getCases (getTasks' sample shows `skip` and `limit`); an empty body lists the first page.
         */
        GetCasesRequest: components["schemas"]["ListFilter"] & {
            /**
             * @description A case name to match (the sample's only key, absent from the table).
             * @example Testing
             */
            name?: string;
        };
        /**
         * CasePage
         * @description A page of cases (getCases).
         */
        CasePage: components["schemas"]["Page"] & {
            /** @description The cases of this page, full objects. */
            results?: components["schemas"]["Case"][];
        };
        /**
         * UpdateCaseRequest
         * @description The body of an update-case call: a partial case, every field optional (the table marks them all Optional). The sample sends `_id` and `iId`, which the table does not list (its `lid` reads as `iId`); both are declared. `dueDate` is in milliseconds here (table: Number), unlike createCase. Unknown fields are not forbidden.
         */
        UpdateCaseRequest: components["schemas"]["WorkItem"] & components["schemas"]["CaseFields"];
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
        /** @description The `auth` header is missing, or its JWT is malformed, wrongly signed, expired, replayed, sent with a `Bearer` prefix, or from an app without the Case Management Configuration scope: 401 with platform code 4002 for all of these. */
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
        /**
         * @description The account the request acts for. Required on getCases, updateCase, getTasks and updateTask, as their pages' header tables say (optional on the two creates: the `AccountId` parameter). The tables spell it `accountId`, the curl samples `AccountId`: HTTP header names are case-insensitive, so both are this one header.
         * @example 6639f7bd58c97ffac03b7e21
         */
        AccountIdRequired: components["schemas"]["AccountId"];
        /**
         * @description The task to update (`ti-…`), as createTask or getTasks returned it in `_id`. Page samples (masked): `ti-73acd32-0123-4114-9891-00a950aaxxxx`; the current page masks it as `ti-73acd32-0123-xxxx-9891-00a950xxxxxx`.
         * @example ti-73acd32-0123-4114-9891-00a950aa8c15
         */
        TaskId: components["schemas"]["TaskId"];
        /**
         * @description The case to update (`ci-…`), as createCase or getCases returned it in `_id`. Page sample (masked): `ci-b4eaa6e-b3d9-4bb3-ae54-bb043b4axxxx`.
         * @example ci-b4eaa6e-b3d9-4bb3-ae54-bb043b4a61c7
         */
        CaseId: components["schemas"]["CaseId"];
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
    getTasks: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The account the request acts for. Required on getCases, updateCase, getTasks and updateTask, as their pages' header tables say (optional on the two creates: the `AccountId` parameter). The tables spell it `accountId`, the curl samples `AccountId`: HTTP header names are case-insensitive, so both are this one header.
                 * @example 6639f7bd58c97ffac03b7e21
                 */
                accountId: components["parameters"]["AccountIdRequired"];
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
        /** @description The filters, paging and sort order; `{}` for none. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["GetTasksRequest"];
            };
        };
        responses: {
            /** @description A page of tasks. The page's sample abridges each task to eight fields; the older page's full sample is the second example. Unknown fields may appear; ignore them. The status 200 is assumed (the page shows none), so accept any 2xx. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskPage"];
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
    updateTask: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The account the request acts for. Required on getCases, updateCase, getTasks and updateTask, as their pages' header tables say (optional on the two creates: the `AccountId` parameter). The tables spell it `accountId`, the curl samples `AccountId`: HTTP header names are case-insensitive, so both are this one header.
                 * @example 6639f7bd58c97ffac03b7e21
                 */
                accountId: components["parameters"]["AccountIdRequired"];
            };
            path: {
                /**
                 * @description Bot (stream) identifier, `st-…`. Find it on the bot's General Settings page.
                 * @example st-084d3c5e-376a-559f-9987-a012bb2b51c7
                 */
                streamId: components["parameters"]["StreamId"];
                /**
                 * @description The task to update (`ti-…`), as createTask or getTasks returned it in `_id`. Page samples (masked): `ti-73acd32-0123-4114-9891-00a950aaxxxx`; the current page masks it as `ti-73acd32-0123-xxxx-9891-00a950xxxxxx`.
                 * @example ti-73acd32-0123-4114-9891-00a950aa8c15
                 */
                taskId: components["parameters"]["TaskId"];
            };
            cookie?: never;
        };
        /** @description The fields to change. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTaskRequest"];
            };
        };
        responses: {
            /** @description The updated task. The page's sample is cut short (its `...` line is not JSON: the example omits it); the older page's full sample is the second example. Unknown fields may appear; ignore them. The status 200 is assumed (the page shows none), so accept any 2xx. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskRecord"];
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
    createCase: {
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
        /** @description The case to create and the customer it is for. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCaseRequest"];
            };
        };
        responses: {
            /** @description The case was created. Unknown fields may appear in later versions of the platform; ignore them. The status 200 is assumed (the page shows none), so accept any 2xx. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
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
    getCases: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The account the request acts for. Required on getCases, updateCase, getTasks and updateTask, as their pages' header tables say (optional on the two creates: the `AccountId` parameter). The tables spell it `accountId`, the curl samples `AccountId`: HTTP header names are case-insensitive, so both are this one header.
                 * @example 6639f7bd58c97ffac03b7e21
                 */
                accountId: components["parameters"]["AccountIdRequired"];
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
        /** @description The filters; `{}` for none. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["GetCasesRequest"];
            };
        };
        responses: {
            /** @description A page of cases. Unknown fields may appear in later versions of the platform; ignore them. The status 200 is assumed (the page shows none), so accept any 2xx. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CasePage"];
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
    updateCase: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The account the request acts for. Required on getCases, updateCase, getTasks and updateTask, as their pages' header tables say (optional on the two creates: the `AccountId` parameter). The tables spell it `accountId`, the curl samples `AccountId`: HTTP header names are case-insensitive, so both are this one header.
                 * @example 6639f7bd58c97ffac03b7e21
                 */
                accountId: components["parameters"]["AccountIdRequired"];
            };
            path: {
                /**
                 * @description Bot (stream) identifier, `st-…`. Find it on the bot's General Settings page.
                 * @example st-084d3c5e-376a-559f-9987-a012bb2b51c7
                 */
                streamId: components["parameters"]["StreamId"];
                /**
                 * @description The case to update (`ci-…`), as createCase or getCases returned it in `_id`. Page sample (masked): `ci-b4eaa6e-b3d9-4bb3-ae54-bb043b4axxxx`.
                 * @example ci-b4eaa6e-b3d9-4bb3-ae54-bb043b4a61c7
                 */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        /** @description The fields to change. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCaseRequest"];
            };
        };
        responses: {
            /** @description The updated case. The page's sample is abridged (and shows another case than its request's); the older page's full sample is the second example. Unknown fields may appear; ignore them. The status 200 is assumed (the page shows none), so accept any 2xx. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
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
type WithRequired<T, K extends keyof T> = T & {
    [P in K]-?: T[P];
};

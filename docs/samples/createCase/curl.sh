# The JWT goes in the `auth` header as it is: no "Bearer". accountId is
# optional. emailId and phoneNumber sit beside userInfo, not inside it;
# userInfo._id, emailId or phoneNumber identifies the customer.
curl --silent --show-error --request POST \
  "${KORE_BASE_URL:-https://platform.kore.ai}/caseManagement/api/public/analytics/${KORE_STREAM_ID}/createCase" \
  --header "auth: ${KORE_JWT}" \
  --header "accountId: ${KORE_ACCOUNT_ID}" \
  --header 'Content-Type: application/json' \
  --data '{
    "caseTmp": "ctm-d4e6152-4255-4c5c-ba6c-91dac5cdfcd9",
    "name": "This is demo case",
    "desc": "Demo case",
    "userInfo": { "_id": "u-fd371c0a-3168-5a02-83dd-f4ba5597787f", "name": "John" },
    "emailId": "john.doe@example.com",
    "phoneNumber": "9023989052",
    "dueDate": "2026-09-04T14:15:00.000Z",
    "source": "rtm"
  }'

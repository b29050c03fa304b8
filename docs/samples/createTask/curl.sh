# The JWT goes in the `auth` header as it is: no "Bearer".
# Hosts: platform.kore.ai (default), bots.kore.ai,
# jp-platform.kore.ai, de-platform.kore.ai. accountId is optional.
curl --silent --show-error --request POST \
  "${KORE_BASE_URL:-https://platform.kore.ai}/caseManagement/api/public/analytics/${KORE_STREAM_ID}/createTask" \
  --header "auth: ${KORE_JWT}" \
  --header "accountId: ${KORE_ACCOUNT_ID}" \
  --header 'Content-Type: application/json' \
  --data '{
    "caseId": "ci-31d9184-d64d-42d9-8c75-5edba5319e02",
    "caseRefId": "CS000131",
    "taskTmp": "ttm-16623a9-c63c-4bda-b1e4-14754939c4a1",
    "name": "This is demo task",
    "userInfo": {
      "_id": "u-fd371c0a-3168-5a02-83dd-f4ba55970d3e",
      "name": "dummy",
      "emailId": "dummy@mailinator.com"
    },
    "source": "rtm"
  }'

# A partial update: only the fields sent change. accountId is required;
# the task is the path's taskId (ti-…, createTask's `_id`).
curl --silent --show-error --request POST \
  "${KORE_BASE_URL:-https://platform.kore.ai}/caseManagement/api/public/analytics/${KORE_STREAM_ID}/updateTask/ti-c7c61c9-1392-45d3-b163-3622d7377df9" \
  --header "auth: ${KORE_JWT}" \
  --header "accountId: ${KORE_ACCOUNT_ID}" \
  --header 'Content-Type: application/json' \
  --data '{ "name": "Task Testing", "status": { "name": "In-Progress" } }'

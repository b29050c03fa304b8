# accountId is required here. Every filter is optional; page with skip
# and limit until hasMore is false.
curl --silent --show-error --request POST \
  "${KORE_BASE_URL:-https://platform.kore.ai}/caseManagement/api/public/analytics/${KORE_STREAM_ID}/getTasks" \
  --header "auth: ${KORE_JWT}" \
  --header "accountId: ${KORE_ACCOUNT_ID}" \
  --header 'Content-Type: application/json' \
  --data '{
    "skip": 0,
    "limit": 50,
    "status": ["Open", "In-Progress"],
    "channel": ["rtm"],
    "sortBy": { "dueDate": "desc" }
  }'

# accountId is required here. Every filter is optional: `{}` lists
# every case, a page at a time ({results, page, limit, hasMore, …}).
curl --silent --show-error --request POST \
  "${KORE_BASE_URL:-https://platform.kore.ai}/caseManagement/api/public/analytics/${KORE_STREAM_ID}/getCases" \
  --header "auth: ${KORE_JWT}" \
  --header "accountId: ${KORE_ACCOUNT_ID}" \
  --header 'Content-Type: application/json' \
  --data '{ "searchText": "case one", "status": ["Open"], "sortBy": { "createdAt": "desc" } }'

# A partial update: only the fields sent change. accountId is required;
# the case is the path's caseId (ci-…).
curl --silent --show-error --request POST \
  "${KORE_BASE_URL:-https://platform.kore.ai}/caseManagement/api/public/analytics/${KORE_STREAM_ID}/updateCase/ci-1a634e1-3d97-427e-8b23-9b7b0a407d24" \
  --header "auth: ${KORE_JWT}" \
  --header "accountId: ${KORE_ACCOUNT_ID}" \
  --header 'Content-Type: application/json' \
  --data '{ "name": "case one", "desc": "this is case one", "priority": { "name": "High" } }'

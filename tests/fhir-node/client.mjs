// Drives the RegenClinic FHIR API with fhir-kit-client (npm), a client nobody here wrote (issue 8).
// Usage: node client.mjs BASE_URL CLIENT_ID CLIENT_SECRET  (BASE_URL like http://127.0.0.1:5000/fhir)
// Prints one JSON object that the C# test (FhirNodeClientTests) checks.
import { Client } from 'fhir-kit-client';

async function main() {
  const [baseUrl, clientId, clientSecret] = process.argv.slice(2);
  if (!baseUrl || !clientId || !clientSecret) throw new Error('usage: node client.js BASE_URL CLIENT_ID CLIENT_SECRET');

  // OAuth 2.0 client credentials (SMART backend services style) at /fhir/token.
  const tokenResponse = await fetch(`${baseUrl}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  const token = await tokenResponse.json();
  if (!tokenResponse.ok) throw new Error(`token: ${tokenResponse.status} ${JSON.stringify(token)}`);

  const client = new Client({ baseUrl, bearerToken: token.access_token });
  const capability = await client.capabilityStatement();
  const created = await client.create({
    resourceType: 'Patient',
    body: {
      resourceType: 'Patient',
      name: [{ family: 'Knooppunt', given: ['Noor'] }],
      gender: 'female',
      birthDate: '1984-09-17',
    },
  });
  const read = await client.read({ resourceType: 'Patient', id: created.id });
  const identifier = read.identifier.find((i) => i.system === 'urn:regenclinic:sid:record-number');
  const found = await client.search({
    resourceType: 'Patient',
    searchParams: { identifier: `${identifier.system}|${identifier.value}` },
  });

  process.stdout.write(JSON.stringify({
    tokenType: token.token_type,
    fhirVersion: capability.fhirVersion,
    createdId: created.id,
    readId: read.id,
    readFamily: read.name[0].family,
    readBirthDate: read.birthDate,
    recordNumber: identifier.value,
    searchType: found.type,
    searchTotal: found.total,
    searchIds: (found.entry || []).map((e) => e.resource.id),
  }));
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n${error.response ? JSON.stringify(error.response.data) : ''}\n`);
  process.exit(1);
});

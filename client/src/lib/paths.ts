/** Addresses of the app's pages, built in one place so links and routes agree. */
export const paths = {
  home: () => '/',
  workshop: (workshopId: string) => `/w/${encodeURIComponent(workshopId)}`,
  team: (workshopId: string, teamId: string) => `/w/${encodeURIComponent(workshopId)}/t/${encodeURIComponent(teamId)}`,
  admin: (workshopId: string) => `/w/${encodeURIComponent(workshopId)}/admin`,
  document: (documentId: string) => `/d/${encodeURIComponent(documentId)}`,
};

"""Fixed words of the domain that schemas and services share."""

# Processing domains of DOMAIN.md section 5 (responsibility, default areas, cases).
PROCESSING_DOMAINS = ("helpdesk", "sales", "service", "projects")

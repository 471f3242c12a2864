"""leakbench: a seeded, labelled generator of multi-tenant LLM session traffic."""

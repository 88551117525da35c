"""The graph's namespaces and their prefixes: one table for every writer and for queries.

Kept free of rdflib and pyoxigraph so that ``kg query`` can use it without
importing a heavy RDF library.
"""

#: Prefixes every query may use without declaring them.
PREFIXES = {
    "kg": "https://w3id.org/zhgov-kg/ontology#",
    "id": "https://w3id.org/zhgov-kg/id/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

#: Prefixes written into Turtle and TriG.  No ``id:``: percent-encoded local names
#: would need escaping and read worse than the full IRI.
OUTPUT_PREFIXES = {k: v for k, v in PREFIXES.items() if k != "id"}

#: Vocabularies the ontology aligns to, bound where rdflib writes the ontology or exports.
ALIGNED = {
    "owl": "http://www.w3.org/2002/07/owl#",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
}

"""REST (plone.restapi): every desk operation, for documentalistes only.

POST @pret, @retour, @prolongation, @reservation, @annulation-reservation,
@transfert, @reception, @visite, @emprunteur, @emprunteurs (a borrower's card or
name never in a URL, so never in an access log); GET @exemplaire, @retards. A refusal answers 400 with French messages and writes nothing.
"""

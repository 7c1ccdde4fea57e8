"""REST (plone.restapi): every desk operation, for documentalistes only.

POST @pret, @retour, @prolongation, @reservation, @annulation-reservation,
@transfert, @reception, @visite; GET @emprunteurs, @emprunteur, @exemplaire,
@retards. A refusal answers 400 with French messages and writes nothing.
"""
